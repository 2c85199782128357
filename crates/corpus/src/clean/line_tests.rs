//! The line rules on web-page furniture in many languages, and on article sentences that
//! look like it: each furniture line dropped with its reason, each sentence kept.

use super::lines::classify;
use crate::DropReason;

fn reason(line: &str) -> Option<DropReason> {
    classify(line, "Kerry and Putin meet in Moscow")
}

#[test]
fn drops_timestamps_in_many_languages() {
    for line in [
        "7 years ago",
        "2 hours ago",
        "an hour ago",
        "10H ago",
        "Updated 2 hours ago",
        "vor 3 Stunden",
        "il y a 2 heures",
        "3 часа назад",
        "hace 2 horas",
        "há 2 horas",
        "2 ore fa",
        "prije 3 sata",
        "пред 3 часа",
        "пре 3 сата",
        "منذ 3 ساعات",
        "September 02, 2016 10:45 pm",
        "Tue Dec 15, 2015 3:23 pm",
        "15.07.2016",
        "15 July, 2016",
        "21:17 18.11.2019",
        "Updated 0339 GMT (1139 HKT) November 19, 2019",
        "sexta-feira, 22 de outubro de 2010 às 20:13",
        "Dienstag, 15. Dezember 2015",
        "mardi 15 décembre 2015",
        "15 декабря 2015 года",
        "15. prosinca 2015.",
        "15 декември 2015",
        "الثلاثاء 15 ديسمبر 2015",
    ] {
        assert_eq!(reason(line), Some(DropReason::Dateline), "{line:?}");
    }
}

#[test]
fn drops_buttons_controls_bylines_and_comment_furniture() {
    for (line, expected) in [
        ("Share on Facebook", DropReason::Social),
        ("Click to share on Twitter (Opens in new window)", DropReason::Social),
        ("WhatsApp Facebook Twitter Email", DropReason::Social),
        ("folder_openRussia access_time7 years ago starAdd to favorites", DropReason::Social),
        ("Auf Facebook teilen", DropReason::Social),
        ("Partager sur Twitter", DropReason::Social),
        ("Поделиться", DropReason::Social),
        ("Podijeli na Facebooku", DropReason::Social),
        ("Sound", DropReason::Furniture),
        ("Expand", DropReason::Furniture),
        ("Play video", DropReason::Furniture),
        ("The gallery will resume inseconds", DropReason::Furniture),
        ("Please Wait...", DropReason::Furniture),
        ("0 : 0", DropReason::Furniture),
        ("Reuters logo", DropReason::Furniture),
        ("Our Standards:The Thomson Reuters Trust Principles.", DropReason::Furniture),
        ("Anzeige", DropReason::Furniture),
        ("Реклама", DropReason::Furniture),
        ("This website uses cookies to improve your experience.", DropReason::Furniture),
        ("FinancialGovernment SolutionsLegalTax & Accounting", DropReason::Navigation),
        ("Related", DropReason::Headlines),
        ("More from Reuters", DropReason::Headlines),
        ("Lesen Sie auch", DropReason::Headlines),
        ("Читайте также", DropReason::Headlines),
        ("Lire aussi", DropReason::Headlines),
        ("اقرأ أيضا", DropReason::Headlines),
        ("#65737", DropReason::Comments),
        ("12 comments", DropReason::Comments),
        ("[ 167 comments ]", DropReason::Comments),
        ("Leave a Reply", DropReason::Comments),
        ("Comments are closed.", DropReason::Comments),
        ("Kommentare (3)", DropReason::Comments),
        ("Комментарии", DropReason::Comments),
        ("Alex on September 17, 2018 at 6:34 am said:", DropReason::Comments),
        ("thelastchargersfan says:", DropReason::Comments),
        ("By Jim Geraghty", DropReason::Byline),
        ("Posted by admin on March 2, 2019", DropReason::Byline),
        ("Medically reviewed by Kaitlynn Fortunato Greenberg, RD, LD", DropReason::Byline),
        ("Von Moritz Bachmann", DropReason::Byline),
        ("Local Editor", DropReason::Byline),
        ("Reporting by Denis Dyomkin; Editing by Richard Balmforth", DropReason::EditorsNote),
        ("[https://m.wsj.net/video/20191119/clipping3v1/clipping3v1_167x94.jpg]", DropReason::Url),
        ("catchitkansas.com/a?a=474349633", DropReason::Url),
        ("Telephone: 01507 529529 | Company No. 3676192", DropReason::Contact),
        ("(AP Photo/Alexander Zemlianichenko)", DropReason::Caption),
        ("Smoke rises over the city. REUTERS/Maxim Shemetov", DropReason::Caption),
        (
            "A couple in Mongolia died after eating a marmot - a large rodentCredit: The Siberian Times",
            DropReason::Caption,
        ),
        ("Foto: dpa", DropReason::Caption),
        ("Фото: РИА Новости / Алексей Никольский", DropReason::Caption),
    ] {
        assert_eq!(reason(line), Some(expected), "{line:?}");
    }
}

#[test]
fn keeps_sentences_that_look_like_furniture() {
    for line in [
        "Two hours ago, the minister said the talks had ended without an agreement.",
        "Vor drei Stunden hat der Minister die Gespräche für beendet erklärt.",
        "Il y a deux heures, le ministre a annoncé la fin des discussions.",
        "Три часа назад министр заявил, что переговоры завершились.",
        "Share prices rose on Monday after the talks.",
        "Facebook said it had removed the accounts.",
        "The video shows the gallery of the Kremlin.",
        "By 2020 the company expects to double its output.",
        "By the way, the talks went on all night.",
        "Von den 20 Teilnehmern stimmten 15 für den Plan.",
        "Par ailleurs, le Kremlin a démenti toute rencontre.",
        "Putin, right, said the talks had been useful, on Tuesday, Dec. 15, 2015.",
        "Kerry said on Tuesday that a Reuters/Ipsos poll",
        "The comments are closed to the public, the ministry said.",
        "Comments by the minister angered the opposition.",
        "He said the photo showed the site.",
        "McDonald's and PlayStation sponsored the event",
        "Joint Command",
        "Time running out",
        "Putin says Russia and US close to deal",
        "The talks will resume in Geneva in two weeks.",
    ] {
        assert_eq!(reason(line), None, "{line:?} is article text");
    }
}
