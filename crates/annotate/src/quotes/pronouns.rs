//! Which pronoun a word is, and which a person takes by their first name, for a source
//! that does not say it itself: "she said" after a quotation of Joseph Minga is not his.

use std::collections::HashMap;
use std::sync::LazyLock;

/// Which pronoun a person takes, as the source uses them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pronoun {
    He,
    She,
}

impl Pronoun {
    /// The pronoun a word is: "he", "She", "er", "elle"…
    pub(crate) fn of(word: &str) -> Option<Pronoun> {
        const HE: &[&str] = &["he", "him", "his", "himself", "er", "il", "él", "lui", "ele", "он", "він"];
        const SHE: &[&str] = &["she", "her", "hers", "herself", "elle", "ella", "lei", "ela", "она", "вона"];
        // Most words are ASCII and longer than any pronoun: no lowering, no allocation.
        if word.len() > 10 {
            return None;
        }
        let is = |list: &[&str]| {
            if word.is_ascii() {
                list.iter().any(|p| p.eq_ignore_ascii_case(word))
            } else {
                list.contains(&word.to_lowercase().as_str())
            }
        };
        if is(HE) {
            Some(Pronoun::He)
        } else if is(SHE) {
            Some(Pronoun::She)
        } else {
            None
        }
    }
}

/// First names people called "she" mostly carry.
#[rustfmt::skip]
const SHE: &[&str] = &[
    "mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica", "sarah", "karen", "lisa",
    "nancy", "betty", "margaret", "sandra", "ashley", "kimberly", "emily", "donna", "michelle", "carol", "amanda",
    "melissa", "deborah", "stephanie", "rebecca", "sharon", "laura", "cynthia", "kathleen", "amy", "angela",
    "shirley", "anna", "brenda", "pamela", "emma", "nicole", "helen", "samantha", "katherine", "christine", "debra",
    "rachel", "carolyn", "janet", "catherine", "maria", "heather", "diane", "ruth", "julie", "olivia", "joyce",
    "virginia", "victoria", "kelly", "lauren", "christina", "joan", "evelyn", "judith", "megan", "andrea", "cheryl",
    "hannah", "jacqueline", "martha", "gloria", "teresa", "ann", "sara", "madison", "frances", "kathryn", "janice",
    "jean", "abigail", "alice", "judy", "sophia", "grace", "denise", "amber", "doris", "marilyn", "danielle",
    "beverly", "isabella", "theresa", "diana", "natalie", "brittany", "charlotte", "marie", "kayla", "alexis", "lori",
    "hillary", "nancy", "kamala", "elizabeth", "ilhan", "alexandria", "nikki", "kristi", "ursula", "angela",
    "theresa", "jacinda", "greta", "taylor", "beyonce", "rihanna", "oprah", "melania", "ivanka", "michelle", "jill",
    "kate", "meghan", "camilla", "anne", "jane", "jo", "beth", "elise", "valerie", "kym", "jessie", "caitlyn",
    "kaitlyn", "ally", "kim", "eva", "eva-marie", "liz", "sally", "tina", "tracy", "claire", "fiona", "sophie",
    "chloe", "lucy", "ella", "amelia", "mia", "zoe", "natasha", "irina", "olga", "tatiana", "svetlana", "yulia",
    "elena", "anastasia", "maria", "anna", "polina", "daria", "ekaterina", "marine", "ségolène", "françoise",
    "brigitte", "annegret", "sahra", "marina", "valentina", "emily", "erin",
];

/// First names people called "he" mostly carry.
#[rustfmt::skip]
const HE: &[&str] = &[
    "james", "robert", "john", "michael", "william", "david", "richard", "joseph", "thomas", "charles", "christopher",
    "daniel", "matthew", "anthony", "mark", "donald", "steven", "paul", "andrew", "joshua", "kenneth", "kevin",
    "brian", "george", "timothy", "ronald", "edward", "jason", "jeffrey", "ryan", "jacob", "gary", "nicholas", "eric",
    "jonathan", "stephen", "larry", "justin", "scott", "brandon", "benjamin", "samuel", "gregory", "alexander",
    "frank", "patrick", "raymond", "jack", "dennis", "jerry", "tyler", "aaron", "jose", "adam", "nathan", "henry",
    "douglas", "zachary", "peter", "kyle", "ethan", "walter", "noah", "jeremy", "christian", "keith", "roger",
    "terry", "gerald", "harold", "sean", "austin", "carl", "arthur", "lawrence", "dylan", "jesse", "jordan", "bryan",
    "billy", "joe", "bruce", "gabriel", "logan", "albert", "willie", "alan", "juan", "wayne", "elijah", "randy",
    "roy", "vincent", "ralph", "eugene", "russell", "bobby", "mason", "philip", "louis", "barack", "bernie", "mike",
    "mitch", "chuck", "boris", "vladimir", "sergei", "sergey", "dmitry", "emmanuel", "xi", "recep", "bashar", "tim",
    "steve", "jeff", "bill", "elon", "marc", "ken", "tom", "jim", "bob", "ben", "dan", "doug", "pat", "will", "rob",
    "nick", "derek", "owen", "lucas", "grant", "tommy", "charlie", "jeremy", "greg", "matt", "dale", "neil", "ed",
    "teddy", "saeb", "mahmoud", "benjamin", "ali", "mohammed", "muhammad", "ahmed", "omar", "hassan", "ivan",
    "alexei", "nikolai", "pierre", "jean-pierre", "jacques", "françois", "olaf", "heiko", "frank-walter", "hans",
    "karl", "giuseppe", "matteo", "sergio", "luis", "carlos", "pedro", "jair", "andrés", "narendra", "rahul", "imran",
    "shinzo", "justin", "scott", "rishi", "keir", "jeremy", "nigel", "prince", "king",
];

/// The pronoun a first name says, when it is a common one.
pub(crate) fn of_first_name(first_name: &str) -> Option<Pronoun> {
    // Asked for a few names per sentence: lowering them allocates little.
    FIRST_NAMES.get(first_name.to_lowercase().as_str()).copied()
}

/// The 1990 US Census first names, with the lists above over them.
static FIRST_NAMES: LazyLock<HashMap<&'static str, Pronoun, foldhash::fast::FixedState>> = LazyLock::new(|| {
    let mut names = HashMap::default();
    let census = include_str!("../../data/first-names.tsv").lines().filter(|l| !l.starts_with('#'));
    for line in census {
        match line.split_once('\t') {
            Some((name, "he")) => names.insert(name, Pronoun::He),
            Some((name, "she")) => names.insert(name, Pronoun::She),
            _ => panic!("first-names.tsv: a line is not name<TAB>he|she: {line:?}"),
        };
    }
    names.extend(HE.iter().map(|&n| (n, Pronoun::He)));
    names.extend(SHE.iter().map(|&n| (n, Pronoun::She)));
    names
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_names_say_a_pronoun() {
        assert_eq!(of_first_name("Kurt"), Some(Pronoun::He));
        assert_eq!(of_first_name("Elise"), Some(Pronoun::She));
        assert_eq!(of_first_name("Taylor"), Some(Pronoun::She));
        assert_eq!(of_first_name("Ukraine"), None);
        assert_eq!(Pronoun::of("She"), Some(Pronoun::She));
        assert_eq!(Pronoun::of("вона"), Some(Pronoun::She));
        assert_eq!(Pronoun::of("Hello"), None);
    }
}
