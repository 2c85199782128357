use super::*;

const BODY: &str = "Kerry met Putin in the Kremlin on Thursday to offer closer military cooperation in Syria.";

/// The agency `wire` finds in a raw text.
fn agency(raw: &str) -> Option<String> {
    wire(&corpus::clean(raw, "")).map(|(agency, _)| agency)
}

#[test]
fn maps_credits_in_many_languages_to_one_name_per_agency() {
    for (text, name) in [
        ("(Reuters)", "Reuters"),
        ("REUTERS", "Reuters"),
        ("رويترز", "Reuters"),
        ("(AFP)", "AFP"),
        ("Agence France-Presse", "AFP"),
        ("(أ ف ب)", "AFP"),
        ("(أ.ف.ب)", "AFP"),
        ("AP", "AP"),
        ("Associated Press", "AP"),
        ("dpa", "dpa"),
        ("(dpa)", "dpa"),
        ("(Sputnik)", "Sputnik"),
        ("РИА Новости", "RIA Novosti"),
        ("ТАСС", "TASS"),
        ("/ТАСС/", "TASS"),
        ("Anadolu", "Anadolu"),
        ("EFE", "EFE"),
        ("ANSA", "ANSA"),
        ("(Hina)", "HINA"),
        ("MIA", "MIA"),
        ("Lusa", "Lusa"),
        ("Quelle: dpa", "dpa"),
        ("AFP I PTI", "AFP and PTI"),
        ("dpa/AFP", "dpa and AFP"),
        ("– (Reuters)", "Reuters"),
    ] {
        assert_eq!(credit(text).as_deref(), Some(name), "{text}");
    }
    for text in ["Mia", "ap", "Kerry", "Reuters reported that", "AFP I Kerry", "", "()"] {
        assert_eq!(credit(text), None, "{text}");
    }
}

#[test]
fn finds_tags_opening_the_first_paragraph() {
    assert_eq!(agency(&format!("MOSCOW (Reuters) - {BODY}")).as_deref(), Some("Reuters"));
    assert_eq!(agency(&format!("Berlin (dpa) - {BODY}")).as_deref(), Some("dpa"));
    assert_eq!(agency(&format!("ZAGREB, 15. srpnja 2016. (Hina) - {BODY}")).as_deref(), Some("HINA"));
    assert_eq!(agency(&format!("Madrid, 15 jul (EFE).- {BODY}")).as_deref(), Some("EFE"));
    assert_eq!(agency(&format!("(ANSA) - ROMA, 15 LUG - {BODY}")).as_deref(), Some("ANSA"));
    assert_eq!(agency("موسكو (أ ف ب) - أعلن الكرملين أن الرئيس فلاديمير بوتين التقى كيري.").as_deref(), Some("AFP"));
    assert_eq!(
        agency("МОСКВА, 15 июля. /ТАСС/. Президент России Владимир Путин встретился с Керри.").as_deref(),
        Some("TASS")
    );
    assert_eq!(
        agency("МОСКВА, 15 июл — РИА Новости. Президент России Владимир Путин встретился с Керри.").as_deref(),
        Some("RIA Novosti")
    );
    assert_eq!(agency(&format!("Kerry in Moscow\n\nSKOPJE (MIA) - {BODY}")).as_deref(), Some("MIA"));
    assert_eq!(
        agency("新华社莫斯科7月15日电 美国国务卿克里15日在莫斯科会见俄罗斯总统普京。").as_deref(),
        Some("Xinhua")
    );
}

#[test]
fn finds_credits_closing_the_last_paragraph_or_standing_alone() {
    assert_eq!(agency(&format!("{BODY}\n\n{BODY} (dpa)")).as_deref(), Some("dpa"));
    assert_eq!(agency(&format!("{BODY}\n\n{BODY} —AP")).as_deref(), Some("AP"));
    assert_eq!(agency(&format!("{BODY}\n\n{BODY}\n\nAFP I PTI")).as_deref(), Some("AFP and PTI"));
    assert_eq!(agency(&format!("(Sputnik)\n\n{BODY}")).as_deref(), Some("Sputnik"));
    assert_eq!(agency(&format!("{BODY}\n\nوقال كيري إن المحادثات كانت جدية. (أ ف ب)")).as_deref(), Some("AFP"));
    assert_eq!(agency(&format!("By JOHN SMITH, Associated Press\n\nWASHINGTON — {BODY}")).as_deref(), Some("AP"));
}

#[test]
fn an_agency_in_running_text_is_not_a_credit() {
    assert_eq!(agency(&format!("Reuters reported that {BODY}\n\n{BODY}")), None);
    assert_eq!(
        agency(&format!("{BODY}\n\nThe official told Reuters (on Thursday) - and AFP - that talks went on.")),
        None
    );
    assert_eq!(agency(&format!("{BODY}\n\n{BODY} the official said (AFP)")), None);
    assert_eq!(agency(&format!("Kerry said (in Geneva) - {BODY}")), None);
    assert_eq!(agency(&format!("The AP (Associated Press) reported that {BODY}")), None);
    assert_eq!(agency(&format!("{BODY}\n\nA photograph of the meeting.PHOTO: REUTERS\n\n{BODY}")), None);
}

#[test]
fn a_wire_tag_wins_over_a_photo_credit() {
    let raw = format!("Putin attends a meeting, July 14, 2016.PHOTO: REUTERS\n\nMOSCOW (AFP) - {BODY}");
    assert_eq!(agency(&raw).as_deref(), Some("AFP"));
    let raw = format!("Kerry has urged closer cooperation with Russia in Syria [AFP]\n\n{BODY}");
    assert_eq!(wire(&corpus::clean(&raw, "")), Some(("AFP".to_string(), "[AFP]".to_string())));
}
