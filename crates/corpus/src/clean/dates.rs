//! Date lines: a line that is only a date or a time, absolute ("September 02, 2016 10:45
//! pm", "Tue Dec 15, 2015 3:23 pm", "15.07.2016", "sexta-feira, 22 de outubro de 2010 às
//! 20:13", "15 декабря 2015 года") or relative ("2 hours ago", "vor 3 Stunden", "il y a 2
//! heures", "3 часа назад", "منذ 3 ساعات"), in the languages the cleaner knows.

use super::text::{WordSet, word_set};

/// Months, full and short, as folded words: en, de, fr, es, pt, it, ru (both cases), hr,
/// sr (both scripts), mk, ar.
#[rustfmt::skip]
const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "januar",
    "februar", "märz", "mai", "juni", "juli", "oktober", "dezember", "jän", "mär", "okt", "dez", "janvier",
    "février", "mars", "avril", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre", "janv",
    "févr", "avr", "juil", "déc", "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
    "septiembre", "setiembre", "octubre", "noviembre", "diciembre", "ene", "janeiro", "fevereiro", "março", "maio",
    "junho", "julho", "setembro", "outubro", "novembro", "dezembro", "fev", "set", "out", "gennaio", "febbraio",
    "aprile", "maggio", "giugno", "luglio", "settembre", "ottobre", "dicembre", "gen", "mag", "giu", "lug", "ago",
    "ott", "dic", "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
    "ноября", "декабря", "январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь",
    "октябрь", "ноябрь", "декабрь", "siječnja", "veljače", "ožujka", "travnja", "svibnja", "lipnja", "srpnja",
    "kolovoza", "rujna", "listopada", "studenoga", "studenog", "prosinca", "siječanj", "veljača", "ožujak",
    "travanj", "svibanj", "lipanj", "srpanj", "kolovoz", "rujan", "listopad", "studeni", "prosinac", "mart", "maj",
    "jun", "jul", "avgust", "septembar", "oktobar", "novembar", "decembar", "januara", "februara", "marta",
    "aprila", "maja", "juna", "jula", "avgusta", "septembra", "oktobra", "novembra", "decembra", "јануар",
    "фебруар", "април", "мај", "јун", "јул", "септембар", "октобар", "новембар", "децембар", "јануари", "февруари",
    "јуни", "јули", "септември", "октомври", "ноември", "декември", "يناير", "فبراير", "مارس", "أبريل", "ابريل",
    "مايو", "يونيو", "يوليو", "أغسطس", "اغسطس", "سبتمبر", "أكتوبر", "اكتوبر", "نوفمبر", "ديسمبر", "كانون", "شباط",
    "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين",
];
static MONTHS_SET: WordSet = WordSet::new(|| word_set(MONTHS));

/// Whether a folded word names a month.
pub fn is_month(word: &str) -> bool {
    MONTHS_SET.contains(&word)
}

/// Weekdays, labels ("Published", "Updated"), prepositions, times of day and time zones that
/// stand in date lines.
#[rustfmt::skip]
const DATE_WORDS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed",
    "thu", "thur", "thurs", "fri", "sat", "sun", "published", "updated", "posted", "last", "on", "at", "am", "pm",
    "a", "m", "p", "gmt", "utc", "bst", "cet", "cest", "et", "est", "edt", "pt", "msk", "st", "nd", "rd", "th",
    "hkt", "ist", "jst", "kst", "aest", "aedt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "eet", "eest", "wib",
    "uhr", "h", "de", "às", "as", "à", "le", "el", "del", "um", "em", "il", "alle", "ore", "г", "года", "в", "u",
    "godine", "god", "sati", "في", "الساعة", "aktualisiert", "veröffentlicht", "stand", "publié", "mis", "jour",
    "actualizado", "publicado", "atualizado", "aggiornato", "pubblicato", "обновлено", "опубликовано", "objavljeno",
    "ažurirano", "објавено", "ажурирано", "објављено", "نشر", "تحديث", "آخر", "montag", "dienstag", "mittwoch",
    "donnerstag", "freitag", "samstag", "sonnabend", "sonntag", "lundi", "mardi", "mercredi", "jeudi", "vendredi",
    "samedi", "dimanche", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo", "segunda",
    "terça", "quarta", "quinta", "sexta", "feira", "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato",
    "domenica", "понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье", "ponedjeljak",
    "utorak", "srijeda", "četvrtak", "petak", "subota", "nedjelja", "понедељак", "уторак", "четвртак", "петак",
    "субота", "недеља", "понеделник", "четврток", "петок", "сабота", "недела", "الاثنين", "الإثنين", "الثلاثاء",
    "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد", "الأول", "الثاني",
];
static DATE_WORDS_SET: WordSet = WordSet::new(|| word_set(DATE_WORDS));

/// A line made only of dates, times, weekdays and words like "Published" or "Updated".
/// `folded` holds the first words of the line: more than the 12 looked at.
pub fn is_date_line(folded: &str) -> bool {
    if folded.split(' ').nth(12).is_some() {
        return false;
    }
    let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
    if words.is_empty() {
        return false;
    }
    let number = |w: &str| !w.is_empty() && w.len() <= 4 && w.bytes().all(|b| b.is_ascii_digit());
    let ordinal = |w: &str| {
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        !digits.is_empty() && digits.len() < w.len() && number(digits) && DATE_WORDS_SET.contains(&&w[digits.len()..])
    };
    let all_date_words = words.iter().all(|w| number(w) || ordinal(w) || is_month(w) || DATE_WORDS_SET.contains(w));
    let has_month = words.iter().any(|w| is_month(w));
    let has_year = words.iter().any(|w| w.len() == 4 && number(w));
    let numeric_date = words.iter().filter(|w| number(w)).count() >= 3 && has_year;
    all_date_words && (has_month && words.iter().any(|w| number(w) || ordinal(w)) || numeric_date)
}

/// Time units of "2 hours ago", in the languages the cleaner knows, as folded words.
#[rustfmt::skip]
const TIME_UNITS: &[&str] = &[
    "second", "seconds", "sec", "secs", "minute", "minutes", "min", "mins", "hour", "hours",
    "hr", "hrs", "day", "days", "week", "weeks", "wk", "wks", "month", "months", "mo", "year", "years", "yr", "yrs",
    "h", "m", "d", "w", "y", "s", "sekunde", "sekunden", "minute", "minuten", "stunde", "stunden", "std", "tag",
    "tagen", "woche", "wochen", "monat", "monaten", "jahr", "jahren", "seconde", "secondes", "heure", "heures",
    "jour", "jours", "semaine", "semaines", "mois", "an", "ans", "année", "années", "segundo", "segundos", "minuto",
    "minutos", "hora", "horas", "día", "días", "dia", "dias", "semana", "semanas", "mes", "meses", "mês", "año",
    "años", "ano", "anos", "secondi", "minuti", "ora", "ore", "giorno", "giorni", "settimana", "settimane", "mese",
    "mesi", "anno", "anni", "секунду", "секунды", "секунд", "минуту", "минуты", "минут", "час", "часа", "часов",
    "день", "дня", "дней", "неделю", "недели", "недель", "месяц", "месяца", "месяцев", "год", "года", "лет",
    "секунди", "минути", "саат", "саати", "ден", "дена", "денови", "недела", "месец", "месеци", "година", "години",
    "сат", "сата", "сати", "дан", "дана", "недеља", "недеље", "месец", "месеца", "годину", "године", "sekundu",
    "sekunde", "sekundi", "minutu", "minuta", "minute", "sat", "sata", "sati", "dan", "dana", "tjedan", "tjedna",
    "mjesec", "mjeseca", "mjeseci", "godinu", "godine", "godina", "ثانية", "ثوان", "دقيقة", "دقائق", "دقيقتين",
    "ساعة", "ساعات", "ساعتين", "يوم", "أيام", "يومين", "أسبوع", "أسابيع", "شهر", "أشهر", "سنة", "سنوات",
];
static TIME_UNITS_SET: WordSet = WordSet::new(|| word_set(TIME_UNITS));

/// The words that make a time relative: "ago", "vor", "il y a", "hace", "há", "fa", "назад",
/// "prije", "пред", "пре", "منذ", "önce".
#[rustfmt::skip]
const AGO_WORDS: &[&str] = &[
    "ago", "vor", "il", "hace", "há", "ha", "fa", "назад", "prije", "pre", "пред", "пре", "منذ", "önce", "temu",
];
static AGO_WORDS_SET: WordSet = WordSet::new(|| word_set(AGO_WORDS));

/// Words that may stand beside a relative time: "Updated 2 hours ago", "an hour ago".
#[rustfmt::skip]
const TIME_FILLER: &[&str] = &[
    "a", "an", "one", "y", "just", "updated", "published", "posted", "last", "edited", "by", "aktualisiert", "mis",
    "à", "jour", "publié", "actualizado", "atualizado", "publicado", "aggiornato", "обновлено", "опубликовано",
    "ažurirano", "objavljeno", "ажурирано", "објавено", "ажурирано", "تحديث", "نشر", "около", "etwa", "cerca",
    "about",
];
static TIME_FILLER_SET: WordSet = WordSet::new(|| word_set(TIME_FILLER));

/// "2 hours ago", "vor 3 Stunden", "il y a 2 heures", "3 часа назад", "hace 2 horas",
/// "prije 3 sata", "منذ 3 ساعات", "10H ago", "Updated 2 hours ago": a unit, a word that makes
/// it relative, and at most a number and a few words beside them.
pub fn is_relative_time(words: &[&str]) -> bool {
    if words.len() > 7 {
        return false;
    }
    let mut unit = false;
    let mut ago = false;
    for word in words {
        // "10h", "32m": a number glued to its unit.
        let digits = word.bytes().take_while(u8::is_ascii_digit).count();
        let rest = &word[digits..];
        if (digits > 0 && !rest.is_empty() && TIME_UNITS_SET.contains(&rest)) || TIME_UNITS_SET.contains(word) {
            unit = true;
        } else if AGO_WORDS_SET.contains(word) {
            ago = true;
        } else if !(digits == word.len() || TIME_FILLER_SET.contains(word)) {
            return false;
        }
    }
    unit && ago
}
