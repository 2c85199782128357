//! Slugs for imported sources: the date and a few words of the title, in lower-case ASCII.
//!
//! Titles in other scripts are transliterated with `any_ascii` ("Путин и Керри" is
//! "putin-i-kerri", "كيري يصل إلى موسكو" is "kyry-ysl-la-mwskw"). It was chosen over
//! `deunicode` on real titles: it writes Russian as readers expect ("Rossiya", not
//! "Rossiia"), modern Greek rather than ancient ("Syria", not "Suria"), Serbian "ć" as "c"
//! (not "tsh") and Arabic without the marks "@" and "~"; the two weigh about the same.

use corpus::Date;

use crate::render::ascii::ascii_words;
use corpus::is_slug;

/// Words not to end a slug on, in the languages of imported titles (as transliterated).
const TRAILING: &[&str] = &[
    "a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as", "over", "der",
    "die", "das", "und", "von", "zu", "im", "mit", "fur", "auf", "den", "dem", "des", "ein", "eine", "le", "la", "les",
    "de", "du", "des", "et", "au", "aux", "en", "pour", "sur", "un", "une", "el", "los", "las", "del", "y", "e", "con",
    "por", "para", "o", "os", "do", "da", "dos", "das", "no", "na", "il", "lo", "gli", "di", "della", "per", "su", "i",
    "u", "za", "od", "s", "sa", "po", "v", "vo", "k", "se", "je", "ja", "fy", "mn", "la", "kai", "tou", "tis", "ti",
    "to", "sti", "stin", "gia", "me",
];

/// Lower-case ASCII words of `text` joined by `-`, at most `max` bytes, cut at a word and
/// without a dangling "of", "to" or "the" (or their kin in other languages) at the end.
pub(super) fn slugify(text: &str, max: usize) -> String {
    let words = ascii_words(text);
    let mut slug = String::new();
    let mut kept = 0;
    for word in &words {
        let extra = if slug.is_empty() { word.len() } else { word.len() + 1 };
        if slug.len() + extra > max {
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(word);
        kept += 1;
    }
    if kept == 0 {
        return words.first().map(|w| w[..w.len().min(max)].to_string()).unwrap_or_default();
    }
    while kept > 1 && TRAILING.contains(&words[kept - 1].as_str()) {
        kept -= 1;
        slug.truncate(slug.len() - words[kept].len() - 1);
    }
    slug
}

/// The slug for a source: the date and the title, such as
/// `2016-07-15-us-moving-towards-close-cooperation`. When the title gives no words (or there
/// is none), the file's name does; when neither does, the date alone; with no date either,
/// `imported-` and today's date. Never a placeholder such as "source".
pub(super) fn base_slug(title: Option<&str>, date: Option<Date>, stem: &str) -> String {
    let named = Some(title.map(|t| slugify(t, 40)).unwrap_or_default())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| slugify(stem, 60));
    let slug = match (date, named.is_empty()) {
        (Some(date), true) => date.to_string(),
        (Some(date), false) if !named.starts_with(&date.to_string()) => format!("{date}-{named}"),
        (None, true) => format!("imported-{}", super::find::today()),
        _ => named,
    };
    debug_assert!(is_slug(&slug), "{slug:?}");
    slug
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_from_titles_dates_and_file_names() {
        let date = Date::parse("2016-07-15").ok();
        let title = "US moving towards close cooperation with Russia in Syria";
        assert_eq!(base_slug(Some(title), date, "x"), "2016-07-15-us-moving-towards-close-cooperation");
        assert_eq!(base_slug(Some("Kerry’s talks: Erdoğan & Putin"), None, "x"), "kerrys-talks-erdogan-putin");
        assert_eq!(base_slug(None, None, "000_f27ec5287a0f3aad"), "000_f27ec5287a0f3aad");
        assert_eq!(base_slug(None, date, "Draft Notes"), "2016-07-15-draft-notes");
        assert_eq!(slugify(&"a".repeat(80), 60).len(), 60);
    }

    #[test]
    fn transliterates_titles_in_other_scripts() {
        for (title, slug) in [
            ("Путин и Керри обсудили ситуацию в Сирии", "putin-i-kerri-obsudili-situatsiyu"),
            ("Лавров: Россия готова к сотрудничеству с США", "lavrov-rossiya-gotova-k-sotrudnichestvu"),
            ("Ѓорѓе Иванов ја потпиша одлуката за Охрид", "gjorgje-ivanov-ja-potpisha-odlukata"),
            ("Заев и Мицкоски се договорија за нови избори", "zaev-i-mitskoski-se-dogovorija-za-novi"),
            ("كيري يصل إلى موسكو لبحث الأزمة السورية", "kyry-ysl-la-mwskw-lbhth-lzmh-lswryh"),
            ("Ο Κέρι στη Μόσχα για τη Συρία", "o-keri-sti-moscha-gia-ti-syria"),
            ("Τσίπρας: Συμφωνία με τους θεσμούς", "tsipras-symfonia-me-toys-thesmoys"),
            ("克里抵达莫斯科讨论叙利亚问题", "ke-li-di-da-mo-si-ke-tao-lun-xu-li-ya"),
            ("Außenminister Steinmeier äußert Bedenken", "aussenminister-steinmeier-aussert"),
            ("Plenković najavio smanjenje poreza, Đurđevac slavi", "plenkovic-najavio-smanjenje-poreza"),
            ("Erdoğan ve Putin Soçi'de görüştü", "erdogan-ve-putin-socide-gorustu"),
            ("L'Élysée dénonce « une provocation » à Alep", "lelysee-denonce-une-provocation-a-alep"),
            ("Cafe\u{301} 😀 talks", "cafe-talks"),
            ("Сирия: ١٥ قتيلا", "siriya-15-qtyl"),
        ] {
            assert_eq!(base_slug(Some(title), None, "x"), slug, "{title}");
            assert!(is_slug(slug));
        }
    }

    #[test]
    fn never_a_placeholder() {
        let date = Date::parse("2016-07-15").ok();
        assert_eq!(base_slug(Some("😀 ★"), None, "Kerry in Moscow"), "kerry-in-moscow");
        assert_eq!(base_slug(Some("😀"), date, "__"), "2016-07-15");
        let fallback = base_slug(Some("★"), None, "__");
        assert!(fallback.starts_with("imported-20") && is_slug(&fallback), "{fallback}");
        assert_eq!(base_slug(Some("Kerry meets Putin in"), None, "x"), "kerry-meets-putin");
        assert_eq!(base_slug(Some("Путин встретился с"), None, "x"), "putin-vstretilsya");
    }
}
