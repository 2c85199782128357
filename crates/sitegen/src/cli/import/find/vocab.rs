//! The words of date lines in the languages of pasted articles: month names, weekdays, the
//! labels "published" and "updated", and the small words around them.
//!
//! Every word is lower-case, as [`super::dates`] folds a line's words, and Arabic words are
//! without short vowels, which it strips. English month names come from
//! [`corpus::month_number`]; the rest are here rather than in corpus, which reads English
//! content files only.

/// One row per language: the twelve months in order, separated by spaces, each written in
/// every form a date may use, separated by `/`. Slavic and Greek months are given in the
/// genitive that dates use ("15 июля") and the nominative. `_` stands for the space of a
/// Levantine month of two words. Polish and Czech are left out: their "listopad" is
/// November, Croatian's is October, and no word may name two months.
const MONTHS: &[&str] = &[
    // German, Dutch.
    "januar/jänner/jän februar/feber märz/mär/mrz april mai juni juli august september oktober/okt november \
     dezember/dez",
    "januari februari maart april mei juni juli augustus september oktober november december",
    // French, Spanish, Portuguese, Italian.
    "janvier/janv février/fevrier/févr/fév mars avril/avr mai juin juillet/juil août/aout septembre octobre \
     novembre décembre/decembre/déc",
    "enero febrero marzo abril/abr mayo junio julio agosto/ago septiembre/setiembre octubre noviembre \
     diciembre/dic",
    "janeiro fevereiro/fev março abril maio junho julho agosto setembro outubro novembro dezembro",
    "gennaio febbraio marzo aprile maggio giugno/giu luglio/lug agosto settembre ottobre/ott novembre dicembre",
    // Croatian, nominative then genitive; Serbian and Bosnian; Slovenian.
    "siječanj veljača ožujak travanj svibanj lipanj srpanj kolovoz rujan listopad studeni prosinac",
    "siječnja veljače ožujka travnja svibnja lipnja srpnja kolovoza rujna listopada studenoga/studenog \
     prosinca",
    "januar februar mart april maj jun/juni jul/juli avgust/august septembar oktobar novembar decembar",
    "januarja februarja marca aprila maja junija julija avgusta septembra oktobra novembra decembra",
    // Russian, with the abbreviations of RIA's datelines ("15 июл"); Ukrainian.
    "январь/января/янв февраль/февраля/фев март/марта апрель/апреля/апр май/мая июнь/июня/июн июль/июля/июл \
     август/августа/авг сентябрь/сентября/сен/сент октябрь/октября/окт ноябрь/ноября/ноя/нояб \
     декабрь/декабря/дек",
    "січень/січня лютий/лютого березень/березня квітень/квітня травень/травня червень/червня липень/липня \
     серпень/серпня вересень/вересня жовтень/жовтня листопад/листопада грудень/грудня",
    // Macedonian, Serbian, Bulgarian.
    "јануари февруари март април мај јуни јули август септември октомври ноември декември",
    "јануар фебруар март април мај јун јул август септембар октобар новембар децембар",
    "януари февруари март април май юни юли август септември октомври ноември декември",
    // Greek, genitive then nominative; Turkish.
    "ιανουαρίου φεβρουαρίου μαρτίου απριλίου μαΐου ιουνίου ιουλίου αυγούστου σεπτεμβρίου οκτωβρίου \
     νοεμβρίου δεκεμβρίου",
    "ιανουάριος φεβρουάριος μάρτιος απρίλιος μάιος ιούνιος ιούλιος αύγουστος σεπτέμβριος οκτώβριος \
     νοέμβριος δεκέμβριος",
    "ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık",
    // Arabic: Egyptian and Gulf, Levantine, Maghrebi; alef with and without its hamza.
    "يناير فبراير مارس أبريل/ابريل/إبريل مايو يونيو/يونيه يوليو/يوليه أغسطس/اغسطس سبتمبر أكتوبر/اكتوبر \
     نوفمبر ديسمبر",
    "كانون_الثاني شباط آذار/اذار نيسان أيار/ايار حزيران تموز آب/اب أيلول/ايلول تشرين_الأول/تشرين_الاول \
     تشرين_الثاني كانون_الأول/كانون_الاول",
    "جانفي فيفري مارس أفريل/افريل ماي جوان جويلية أوت/اوت سبتمبر أكتوبر نوفمبر ديسمبر",
];

/// One row per language: the seven days from Monday, as [`MONTHS`] writes months.
const WEEKDAYS: &[&str] = &[
    "monday/mon tuesday/tue/tues wednesday/wed thursday/thu/thur/thurs friday/fri saturday/sat sunday/sun",
    "montag dienstag mittwoch donnerstag freitag samstag/sonnabend sonntag",
    "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag",
    "lundi mardi mercredi jeudi vendredi samedi dimanche",
    "lunes martes miércoles jueves viernes sábado domingo",
    "segunda terça quarta quinta sexta sábado domingo",
    "lunedì martedì mercoledì giovedì venerdì sabato domenica",
    "ponedjeljak/ponedeljak utorak srijeda/sreda četvrtak petak subota nedjelja/nedelja",
    "понедельник вторник среда четверг пятница суббота воскресенье",
    "понеделник вторник среда четврток петок сабота недела",
    "δευτέρα τρίτη τετάρτη πέμπτη παρασκευή σάββατο κυριακή",
    "pazartesi salı çarşamba perşembe cuma cumartesi pazar",
    "الاثنين/الإثنين الثلاثاء الأربعاء/الاربعاء الخميس الجمعة السبت الأحد/الاحد",
];

/// Labels that make the dates after them an update: "Updated", "Aktualisiert", "Mis à jour"
/// (as "mis"), "Обновлено", "Atualizado".
const UPDATED: &str = "updated update modified aktualisiert geändert aktualisierung mis mise actualizado \
     actualizada actualización atualizado atualizada atualização aggiornato aggiornata aggiornamento \
     обновлено обновлен обновлён обновления ažurirano ažurirana ажурирано ажурирана ενημερώθηκε ενημέρωση \
     güncelleme güncellendi bijgewerkt gewijzigd تحديث التحديث";

/// Labels that make the dates after them the publication date again.
const PUBLISHED: &str = "published posted created veröffentlicht erstellt publié publiée publicado publicada \
     pubblicato pubblicata опубликовано опубликован опубликована објавено објавен objavljeno objavljen \
     δημοσιεύθηκε δημοσίευση yayınlanma yayınlandı gepubliceerd نشر نشرت النشر";

/// Other words a date line may hold around its dates: prepositions, time words and zones,
/// "г." and "godine" after a year, "date" itself.
const FILLER: &str = "on at am pm a m p of last gmt utc bst cet cest et est edt ct cdt pt pst pdt msk eet eest \
     ist jst kst sgt hkt ast z t date time first min mins read um uhr stand datum om op le à jour h de del do da el \
     il em \
     às as ore alle hs hrs fecha data u sati godine god в г года год ч дата во часот μ π saat tarih في الساعة \
     م ص هـ تاريخ بتوقيت غرينتش آخر اخر";

/// A letter as words are compared: lower-case (the caller's), Greek without its tonos, since
/// capitals drop it ("ΙΟΥΛΙΟΥ" is "ιουλίου").
pub(super) fn plain(c: char) -> char {
    match c {
        'ά' => 'α',
        'έ' => 'ε',
        'ή' => 'η',
        'ί' => 'ι',
        'ό' => 'ο',
        'ύ' => 'υ',
        'ώ' => 'ω',
        'ΐ' => 'ϊ',
        'ΰ' => 'ϋ',
        _ => c,
    }
}

/// Whether the words of `list`, separated by white space, include `word`.
fn listed(list: &str, word: &str) -> bool {
    list.split_whitespace().any(|w| w.chars().map(plain).eq(word.chars().map(plain)))
}

/// The slot (0-based) whose forms include `word`, in the first row that has it.
fn slot(rows: &[&str], word: &str) -> Option<u8> {
    let same = |form: &str| form.chars().map(plain).eq(word.chars().map(plain));
    rows.iter().find_map(|row| {
        let at = row.split_whitespace().position(|forms| forms.split('/').any(same))?;
        u8::try_from(at).ok()
    })
}

/// The number of a month written as a word in any of the languages above, in lower case.
pub(super) fn month(word: &str) -> Option<u8> {
    if word.contains('_') {
        return None;
    }
    slot(MONTHS, word).map(|at| at + 1).or_else(|| corpus::month_number(word))
}

/// The number of a Levantine month of two words ("كانون الثاني" is January).
pub(super) fn two_word_month(first: &str, second: &str) -> Option<u8> {
    slot(MONTHS, &format!("{first}_{second}")).map(|at| at + 1)
}

/// The day of the week (0 is Monday) a lower-case word names.
pub(super) fn weekday(word: &str) -> Option<u8> {
    slot(WEEKDAYS, word)
}

/// `Some(true)` for a label like "Updated", `Some(false)` for one like "Published".
pub(super) fn label(word: &str) -> Option<bool> {
    if listed(UPDATED, word) {
        Some(true)
    } else if listed(PUBLISHED, word) {
        Some(false)
    } else {
        None
    }
}

/// A word a date line may hold besides its dates: a label, a weekday, a month, a filler, or
/// half of a Levantine month.
pub(super) fn is_date_word(word: &str) -> bool {
    listed(FILLER, word)
        || label(word).is_some()
        || weekday(word).is_some()
        || month(word).is_some()
        || MONTHS.iter().flat_map(|row| row.split(['/', ' ', '_'])).any(|w| w == word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_names_each_month_or_day_once() {
        for (rows, count) in [(MONTHS, 12), (WEEKDAYS, 7)] {
            let mut seen: Vec<(&str, usize)> = Vec::new();
            for row in rows {
                assert_eq!(row.split_whitespace().count(), count, "{row}");
                for (at, forms) in row.split_whitespace().enumerate() {
                    for form in forms.split('/') {
                        assert_eq!(form, form.to_lowercase(), "{form}");
                        assert!(seen.iter().all(|&(w, n)| w != form || n == at), "{form} names two");
                        seen.push((form, at));
                    }
                }
            }
        }
        for row in MONTHS {
            for (at, forms) in row.split_whitespace().enumerate() {
                for form in forms.split('/') {
                    let english = corpus::month_number(form).map(usize::from);
                    assert!(english.is_none_or(|m| m == at + 1), "{form} is another English month");
                    assert!(weekday(form).is_none(), "{form} is a weekday");
                }
            }
        }
    }

    #[test]
    fn reads_months_in_many_languages() {
        for word in ["july", "jul", "juli", "juillet", "julho", "julio", "luglio", "srpnja", "июля", "јули"] {
            assert_eq!(month(word), Some(7), "{word}");
        }
        for word in ["يوليو", "تموز", "ιουλίου", "temmuz"] {
            assert_eq!(month(word), Some(7), "{word}");
        }
        assert_eq!(two_word_month("كانون", "الثاني"), Some(1));
        assert_eq!(two_word_month("تشرين", "الاول"), Some(10));
        assert_eq!(month("كانون_الثاني"), None);
        assert_eq!(month("julia"), None);
        assert_eq!(weekday("tue"), Some(1));
        assert_eq!(label("aktualisiert"), Some(true));
        assert_eq!(label("veröffentlicht"), Some(false));
        assert!(is_date_word("godine") && is_date_word("الثاني") && !is_date_word("kerry"));
    }
}
