use super::*;

fn names(line: &str) -> Option<String> {
    parse(line).and_then(|b| join(&b.names))
}

#[test]
fn reads_bylines_in_many_languages() {
    for (line, byline) in [
        ("By John Smith", "John Smith"),
        ("By John Smith and Jane Doe", "John Smith and Jane Doe"),
        ("By John Smith, Jane Doe and Bob Roe, Reuters", "John Smith, Jane Doe and Bob Roe"),
        ("By JOHN SMITH, Associated Press", "John Smith"),
        ("BY JEAN-PIERRE DUPONT", "Jean-Pierre Dupont"),
        ("By John Smith | July 15, 2016", "John Smith"),
        ("By John Smith Updated 3:23 PM ET Tue, Dec 15, 2015", "John Smith"),
        ("By Tom Perry, Moscow correspondent", "Tom Perry"),
        ("By Jane Doe in Washington and John Smith in Moscow", "Jane Doe and John Smith"),
        ("Von Max Mustermann", "Max Mustermann"),
        ("Von Max Mustermann und Erika Musterfrau", "Max Mustermann and Erika Musterfrau"),
        ("Par Jean Dupont", "Jean Dupont"),
        ("Por João Silva", "João Silva"),
        ("Di Mario Rossi", "Mario Rossi"),
        ("Автор: Иван Петров", "Иван Петров"),
        ("Piše: Ivana Horvat", "Ivana Horvat"),
        ("Του Γιώργου Παπαδόπουλου", "Γιώργου Παπαδόπουλου"),
        ("By Ursula von der Leyen", "Ursula von der Leyen"),
    ] {
        assert_eq!(names(line).as_deref(), Some(byline), "{line}");
    }
    assert_eq!(parse("By JOHN SMITH, Associated Press").and_then(|b| b.agency).as_deref(), Some("AP"));
    assert_eq!(parse("By Reuters"), Some(Byline { names: Vec::new(), agency: Some("Reuters".into()) }));
}

#[test]
fn sentences_that_open_like_bylines_are_not_bylines() {
    for line in [
        "By the way, the talks failed.",
        "By Christmas Eve, Russia had withdrawn its troops.",
        "By Monday, Putin and Kerry had agreed",
        "By 2020 the country will have a new constitution",
        "By Staff Writer",
        "By The Numbers",
        "By Order Of The President",
        "Di fronte alla crisi, il governo ha deciso",
        "Von Berlin aus reiste er weiter",
        "Par ailleurs, le ministre a dit",
        "Por otra parte",
        "Bystanders John Smith and Jane Doe",
    ] {
        assert_eq!(parse(line), None, "{line}");
    }
}

#[test]
fn reads_the_reporters_of_wire_credits_but_not_the_editors() {
    assert_eq!(
        reporters("Reporting by Denis Dyomkin; Editing by Richard Balmforth"),
        Some(vec!["Denis Dyomkin".into()])
    );
    assert_eq!(
        reporters(
            "(Reporting by Tom Perry in Beirut and Suleiman Al-Khalidi in Amman; Additional reporting by Jack Stubbs; \
             Editing by Peter Graff)"
        ),
        Some(vec!["Tom Perry".into(), "Suleiman Al-Khalidi".into(), "Jack Stubbs".into()])
    );
    assert_eq!(
        reporters("Reporting by Denis Dyomkin, Editing by Richard Balmforth"),
        Some(vec!["Denis Dyomkin".into()])
    );
    assert_eq!(reporters("Editing by Richard Balmforth"), None);
    assert_eq!(reporters("Reporting by the Moscow bureau; Editing by Richard Balmforth"), None);
}

#[test]
fn finds_the_byline_in_an_article() {
    let body = "Kerry met Putin in the Kremlin on Thursday to offer closer military cooperation in Syria.";
    let find = |raw: &str| {
        byline_found(&corpus::clean(raw, "")).map(|(names, from)| (names, from.split(' ').next().unwrap().to_string()))
    };
    assert_eq!(
        find(&format!("By John Smith and Jane Doe\n\n{body}")),
        Some(("John Smith and Jane Doe".into(), "byline".into()))
    );
    assert_eq!(
        find(&format!("{body}\n\n{body}\n\nReporting by Denis Dyomkin; Editing by Richard Balmforth")),
        Some(("Denis Dyomkin".into(), "credits".into()))
    );
    let contact = "To contact the reporters on this story: Henry Meyer in Moscow at hmeyer4@example.net, Caroline \
                   Alexander in London at calexander1@example.net";
    assert_eq!(
        find(&format!("{body}\n\n{contact}")),
        Some(("Henry Meyer and Caroline Alexander".into(), "contact".into()))
    );
    assert_eq!(find(&format!("{body}\n\nBy the way, the talks failed.")), None);
}
