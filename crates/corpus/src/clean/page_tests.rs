//! Whole pages' text, as select-all-and-copy in a browser gives it, in the languages users
//! bring: the article must come out whole, and the page around it must go, each line with
//! its reason. The pages are written in the style of real sites (DW, Le Monde, RIA Novosti,
//! Al Jazeera, Folha, Index.hr, a Macedonian portal, Reuters); none is a copy of one.

use super::*;

/// Cleans a page, checks that the article's paragraphs are kept in order and whole, and
/// that each furniture line is dropped with its reason; returns the cleaning.
fn check_page(page: &str, article: &[&str], furniture: &[(&str, DropReason)]) -> Cleaned {
    let cleaned = clean_page(page, "");
    let kept: Vec<&str> = cleaned.blocks.iter().map(|b| b.text.as_str()).collect();
    let paragraphs: Vec<&str> = kept.iter().copied().filter(|k| article.contains(k)).collect();
    assert_eq!(paragraphs, article, "kept: {kept:#?}");
    for (line, reason) in furniture {
        let found = cleaned.dropped.iter().find(|d| d.text == *line);
        assert_eq!(found.map(|d| d.reason), Some(*reason), "{line:?}; dropped: {:#?}", cleaned.dropped);
    }
    // What the page kept besides the article is a heading at most.
    for block in &cleaned.blocks {
        assert!(article.contains(&block.text.as_str()) || block.kind == BlockKind::Heading, "{:?}", block.text);
    }
    cleaned
}

fn page(parts: &[&str]) -> String {
    parts.join("\n")
}

const DW_MENU: &str = "Themen\nNachrichten\nPolitik\nWirtschaft\nKultur\nSport\nWissen & Umwelt\nLive TV";

#[test]
fn cleans_a_german_page() {
    let article = [
        "Der russische Präsident Wladimir Putin hat sich nach dem Treffen mit US-Außenminister John Kerry zuversichtlich gezeigt, dass beide Länder in Syrien enger zusammenarbeiten können.",
        "Kerry war am Dienstag zu Gesprächen in Moskau eingetroffen. Nach Angaben des Kreml dauerte das Treffen mehr als drei Stunden, und beide Seiten hätten sich auf die nächsten Schritte für die Verhandlungen in Genf verständigt.",
        "Die Opposition in Syrien zeigte sich dagegen skeptisch. Ein Sprecher sagte, man werde erst dann an den Gesprächen teilnehmen, wenn die Angriffe auf die Zivilbevölkerung aufhörten.",
    ];
    let raw = page(&[
        DW_MENU,
        "",
        "Putin und Kerry wollen in Syrien enger zusammenarbeiten",
        "15.12.2015",
        "vor 3 Stunden",
        "Teilen",
        "Facebook Twitter WhatsApp",
        "",
        article[0],
        "",
        article[1],
        "",
        "Lesen Sie auch",
        "Syrien-Gespräche in Wien ohne Durchbruch",
        "Russland fliegt weiter Luftangriffe in Syrien",
        "Was will Putin in Syrien?",
        "",
        article[2],
        "",
        "Mehr zum Thema",
        "Merkel warnt vor neuer Flüchtlingswelle aus Syrien",
        "Bundeswehr startet Aufklärungsflüge über Syrien",
        "UN-Sicherheitsrat berät über Friedensplan",
        "",
        "Impressum\nDatenschutz\nKontakt\nBarrierefreiheit\nMobile Version",
    ]);
    check_page(
        &raw,
        &article,
        &[
            ("Themen", DropReason::Navigation),
            ("15.12.2015", DropReason::Dateline),
            ("vor 3 Stunden", DropReason::Dateline),
            ("Facebook Twitter WhatsApp", DropReason::Social),
            ("Russland fliegt weiter Luftangriffe in Syrien", DropReason::Headlines),
        ],
    );
}

#[test]
fn cleans_a_french_page_with_a_caption() {
    let article = [
        "Le secrétaire d’Etat américain, John Kerry, a rencontré mardi à Moscou le président russe, Vladimir Poutine, pour tenter de rapprocher les positions des deux pays sur la Syrie.",
        "Selon le Kremlin, les deux hommes se sont entretenus pendant plus de trois heures. « Nous avons trouvé des points communs », a déclaré M. Kerry à l’issue de la rencontre.",
        "Les divergences restent pourtant profondes sur le sort de Bachar Al-Assad, que Moscou continue de soutenir et dont Washington réclame le départ.",
    ];
    let raw = page(&[
        "Le Monde\nInternational\nPolitique\nSociété\nÉconomie\nCulture\nSport\nS’abonner",
        "Syrie : Kerry et Poutine cherchent un terrain d’entente",
        "Publié le 15 décembre 2015 à 18h32",
        "Il y a 2 heures",
        "Partager sur Facebook",
        "Le président russe Vladimir Poutine, à droite, serre la main de John Kerry au Kremlin, à Moscou, le 15 décembre 2015. REUTERS/Maxim Shemetov",
        article[0],
        article[1],
        "Lire aussi",
        "Le régime syrien reprend l’offensive près d’Alep",
        "A Vienne, les grandes puissances s’accordent sur un calendrier",
        article[2],
        "Réagir",
        "12 commentaires",
    ]);
    check_page(
        &raw,
        &article,
        &[
            ("Il y a 2 heures", DropReason::Dateline),
            ("Partager sur Facebook", DropReason::Social),
            (
                "Le président russe Vladimir Poutine, à droite, serre la main de John Kerry au Kremlin, à Moscou, le 15 décembre 2015. REUTERS/Maxim Shemetov",
                DropReason::Caption,
            ),
            ("12 commentaires", DropReason::Comments),
        ],
    );
}

#[test]
fn cleans_a_russian_page() {
    let article = [
        "Президент России Владимир Путин во вторник провел в Кремле переговоры с государственным секретарем США Джоном Керри, сообщили в пресс-службе Кремля.",
        "По словам пресс-секретаря президента Дмитрия Пескова, стороны обсудили ситуацию в Сирии и на Украине, а также перспективы сотрудничества в борьбе с терроризмом.",
        "Керри ранее заявил, что Вашингтон и Москва могут работать вместе, несмотря на разногласия по поводу будущего Башара Асада.",
    ];
    let raw = page(&[
        "Главное\nПолитика\nВ мире\nЭкономика\nОбщество\nПроисшествия\nСпорт\nКультура",
        "Путин и Керри обсудили в Кремле ситуацию в Сирии",
        "15 декабря 2015, 21:40",
        "3 часа назад",
        "Поделиться",
        "Фото: РИА Новости / Алексей Никольский",
        article[0],
        article[1],
        "Читайте также",
        "Лавров и Керри договорились о новой встрече по Сирии",
        "В Кремле оценили итоги переговоров в Вене",
        article[2],
        "Комментарии",
    ]);
    check_page(
        &raw,
        &article,
        &[
            ("15 декабря 2015, 21:40", DropReason::Dateline),
            ("3 часа назад", DropReason::Dateline),
            ("Поделиться", DropReason::Social),
            ("Фото: РИА Новости / Алексей Никольский", DropReason::Caption),
            ("Комментарии", DropReason::Comments),
        ],
    );
}

#[test]
fn cleans_an_arabic_page() {
    let article = [
        "التقى وزير الخارجية الأمريكي جون كيري الرئيس الروسي فلاديمير بوتين في الكرملين يوم الثلاثاء، في محاولة لتقريب وجهات النظر بين البلدين بشأن الأزمة السورية.",
        "وقال كيري بعد اللقاء إن الولايات المتحدة وروسيا يمكن أن تعملا معا من أجل التوصل إلى حل سياسي، رغم الخلاف حول مستقبل الرئيس السوري بشار الأسد.",
        "وكانت موسكو قد بدأت حملة جوية في سوريا في أيلول الماضي، وتقول إنها تستهدف تنظيم الدولة وجماعات أخرى تصفها بالإرهابية.",
    ];
    let raw = page(&[
        "الرئيسية\nأخبار\nسياسة\nاقتصاد\nرياضة\nثقافة\nمنوعات",
        "كيري وبوتين يبحثان الأزمة السورية في موسكو",
        "منذ 3 ساعات",
        "شارك",
        article[0],
        article[1],
        article[2],
        "اقرأ أيضا",
        "المعارضة السورية تجتمع في الرياض لتوحيد صفوفها",
        "مجلس الأمن يناقش مشروع قرار جديد بشأن سوريا",
    ]);
    check_page(&raw, &article, &[("منذ 3 ساعات", DropReason::Dateline), ("شارك", DropReason::Social)]);
}

#[test]
fn cleans_a_portuguese_page() {
    let article = [
        "O secretário de Estado dos EUA, John Kerry, se reuniu nesta terça-feira com o presidente russo, Vladimir Putin, em Moscou para discutir a guerra na Síria.",
        "Segundo o Kremlin, o encontro durou mais de três horas e os dois lados concordaram em continuar as negociações em Nova York na próxima semana.",
        "A oposição síria, no entanto, afirmou que não participará das conversas enquanto os bombardeios contra civis continuarem.",
    ];
    let raw = page(&[
        "Folha\nPoder\nMercado\nMundo\nCotidiano\nEsporte\nIlustrada\nAssine",
        "Kerry e Putin discutem a Síria em Moscou",
        "terça-feira, 15 de dezembro de 2015 às 20:13",
        "há 2 horas",
        "Compartilhar",
        "WhatsApp Facebook Twitter E-mail",
        article[0],
        article[1],
        "Leia também",
        "Rebeldes sírios deixam último reduto em Homs",
        "ONU pede cessar-fogo imediato em Aleppo",
        article[2],
    ]);
    check_page(
        &raw,
        &article,
        &[
            ("terça-feira, 15 de dezembro de 2015 às 20:13", DropReason::Dateline),
            ("há 2 horas", DropReason::Dateline),
            ("WhatsApp Facebook Twitter E-mail", DropReason::Social),
        ],
    );
}

#[test]
fn cleans_a_croatian_page() {
    let article = [
        "Američki državni tajnik John Kerry sastao se u utorak u Moskvi s ruskim predsjednikom Vladimirom Putinom kako bi razgovarali o ratu u Siriji.",
        "Nakon sastanka Kerry je rekao da su dvije zemlje postigle napredak, ali da se i dalje ne slažu oko budućnosti sirijskog predsjednika Bashara al-Assada.",
        "Rusija od kraja rujna izvodi zračne napade u Siriji, za koje tvrdi da su usmjereni protiv Islamske države i drugih terorističkih skupina.",
    ];
    let raw = page(&[
        "Vijesti\nSport\nMagazin\nShopping\nAuto\nLjubimci\nKomentari",
        "Kerry i Putin razgovarali o Siriji",
        "prije 3 sata",
        "Podijeli",
        "Foto: Index",
        article[0],
        article[1],
        article[2],
        "Vezane vijesti",
        "Rusija pojačala napade na sjeveru Sirije",
        "Assad odbio razgovore s oporbom u Ženevi",
        "Komentari (24)",
    ]);
    check_page(
        &raw,
        &article,
        &[
            ("prije 3 sata", DropReason::Dateline),
            ("Podijeli", DropReason::Social),
            ("Foto: Index", DropReason::Caption),
            ("Komentari (24)", DropReason::Comments),
        ],
    );
}

#[test]
fn cleans_a_macedonian_page() {
    let article = [
        "Американскиот државен секретар Џон Кери во вторник во Москва се сретна со рускиот претседател Владимир Путин за да разговараат за војната во Сирија.",
        "По средбата Кери изјави дека двете земји имаат заеднички интерес да се бори против тероризмот, но дека се уште не се согласуваат за иднината на Асад.",
        "Русија од крајот на септември изведува воздушни напади во Сирија, за кои вели дека се насочени против Исламска држава.",
    ];
    let raw = page(&[
        "Македонија\nСвет\nЕкономија\nСпорт\nКултура\nЗдравје\nТехнологија",
        "Кери и Путин разговараа за Сирија",
        "пред 3 часа",
        "Сподели",
        article[0],
        article[1],
        article[2],
        "Поврзани вести",
        "Лавров и Кери ќе се сретнат во Њујорк",
        "Асад ја отфрли понудата на опозицијата",
    ]);
    check_page(&raw, &article, &[("пред 3 часа", DropReason::Dateline), ("Сподели", DropReason::Social)]);
}

#[test]
fn cleans_an_english_wire_page() {
    let article = [
        "MOSCOW (Reuters) - U.S. Secretary of State John Kerry said on Tuesday that the United States and Russia could work together on Syria, after talks with President Vladimir Putin in the Kremlin.",
        "Putin, right, said the talks had been useful and that Moscow was ready to work with Washington on a list of opposition groups that would join peace talks.",
        "The two sides still disagree on the future of Syrian President Bashar al-Assad, whom Moscow backs and whose departure Washington has long demanded.",
    ];
    let raw = page(&[
        "Reuters logo",
        "Business\nMarkets\nWorld\nPolitics\nTV\nMore",
        "FinancialGovernment SolutionsLegalTax & AccountingNews & Media",
        "Tue Dec 15, 2015 3:23 pm",
        "2 hours ago",
        "Share on Facebook",
        "Russian President Vladimir Putin, right, shakes hands with U.S. Secretary of State John Kerry during their meeting in the Kremlin in Moscow, Russia, Tuesday, Dec. 15, 2015",
        "(AP Photo/Alexander Zemlianichenko)",
        article[0],
        article[1],
        "Sound",
        "Expand",
        "Play video",
        "The gallery will resume inseconds",
        "0 : 0",
        article[2],
        "Reporting by Denis Dyomkin; Editing by Richard Balmforth",
        "Our Standards:The Thomson Reuters Trust Principles.",
        "More from Reuters",
        "Kerry says U.S. and Russia agree on need for Syria talks",
        "Putin praises Kerry's patience on Syria",
        "Russia says Syrian opposition list must be agreed",
        "folder_openRussia access_time7 years ago starAdd to favorites",
        "12 comments",
        "Posted by admin on December 15, 2015",
        "Local Editor",
        "Please Wait...",
    ]);
    let cleaned = check_page(
        &raw,
        &[
            "U.S. Secretary of State John Kerry said on Tuesday that the United States and Russia could work together on Syria, after talks with President Vladimir Putin in the Kremlin.",
            article[1],
            article[2],
        ],
        &[
            ("Reuters logo", DropReason::Furniture),
            ("Tue Dec 15, 2015 3:23 pm", DropReason::Dateline),
            ("2 hours ago", DropReason::Dateline),
            ("Share on Facebook", DropReason::Social),
            (
                "Russian President Vladimir Putin, right, shakes hands with U.S. Secretary of State John Kerry during their meeting in the Kremlin in Moscow, Russia, Tuesday, Dec. 15, 2015",
                DropReason::Caption,
            ),
            ("(AP Photo/Alexander Zemlianichenko)", DropReason::Caption),
            ("Play video", DropReason::Furniture),
            ("0 : 0", DropReason::Furniture),
            ("Reporting by Denis Dyomkin; Editing by Richard Balmforth", DropReason::EditorsNote),
            ("Our Standards:The Thomson Reuters Trust Principles.", DropReason::Furniture),
            ("Putin praises Kerry's patience on Syria", DropReason::Headlines),
            ("folder_openRussia access_time7 years ago starAdd to favorites", DropReason::Social),
            ("12 comments", DropReason::Comments),
            ("Posted by admin on December 15, 2015", DropReason::Byline),
            ("Local Editor", DropReason::Byline),
        ],
    );
    assert!(cleaned.dropped.iter().any(|d| d.reason == DropReason::Navigation));
}

/// An article alone, without a page around it, is left to the line rules: a short last
/// line stays, and headings between paragraphs stay headings.
#[test]
fn an_article_without_a_page_keeps_its_short_lines() {
    let raw = "Kerry met Putin in the Kremlin on Tuesday to discuss the war in Syria and the talks in Vienna.\n\n\
               Joint Command\n\nThe two men spoke for three hours, officials said after the meeting ended.\n\nHe left.";
    let cleaned = clean_page(raw, "");
    let texts: Vec<&str> = cleaned.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(texts.len(), 4, "{texts:?}");
    assert!(cleaned.dropped.is_empty(), "{:?}", cleaned.dropped);
}
