//! Common first names that say which pronoun a person takes, for a source that does not
//! say it itself: "she said" after a quotation of Joseph Minga is not his.

use super::people::Pronoun;

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
pub(crate) fn pronoun(first_name: &str) -> Option<Pronoun> {
    let name = first_name.to_lowercase();
    if SHE.contains(&name.as_str()) {
        Some(Pronoun::She)
    } else if HE.contains(&name.as_str()) {
        Some(Pronoun::He)
    } else {
        None
    }
}
