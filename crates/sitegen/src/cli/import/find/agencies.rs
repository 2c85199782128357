//! News agencies and the credits that name them: each agency's name as the source file
//! writes it, and the ways credits write it in many languages and scripts.

/// News agencies: the name written in the source file, then the ways credits write it.
/// Names of three letters or fewer match in capitals only (so "Mia" is a name, "MIA" the
/// agency), but for "dpa", which writes itself in lower case.
const AGENCIES: &[(&str, &[&str])] = &[
    ("Reuters", &["Reuters", "Thomson Reuters", "رويترز", "Рейтер", "Рейтерс", "Ρόιτερς", "路透社"]),
    (
        "AFP",
        &[
            "AFP",
            "Agence France-Presse",
            "Agence France Presse",
            "France-Presse",
            "أ ف ب",
            "Франс Пресс",
            "Франс-Пресс",
            "法新社",
        ],
    ),
    ("AP", &["AP", "Associated Press", "The Associated Press", "أسوشيتد برس", "Ассошиэйтед Пресс", "美联社"]),
    ("dpa", &["dpa", "Deutsche Presse-Agentur", "د ب أ"]),
    ("EFE", &["EFE", "Efe", "Agencia EFE"]),
    ("ANSA", &["ANSA"]),
    ("Anadolu", &["Anadolu", "Anadolu Agency", "Anadolu Ajansı", "AA", "الأناضول", "وكالة الأناضول"]),
    ("TASS", &["TASS", "ТАСС", "ИТАР-ТАСС", "ITAR-TASS"]),
    ("RIA Novosti", &["RIA Novosti", "РИА Новости"]),
    ("Sputnik", &["Sputnik", "Спутник", "سبوتنيك"]),
    ("Interfax", &["Interfax", "Интерфакс"]),
    ("HINA", &["Hina", "HINA"]),
    ("MIA", &["MIA", "МИА"]),
    ("Lusa", &["Lusa", "Agência Lusa"]),
    ("PTI", &["PTI", "Press Trust of India"]),
    ("IANS", &["IANS"]),
    ("Xinhua", &["Xinhua", "新华社", "Синьхуа", "شينخوا"]),
    ("Bloomberg", &["Bloomberg"]),
    ("UPI", &["UPI"]),
    ("Kyodo", &["Kyodo", "Kyodo News"]),
    ("Yonhap", &["Yonhap"]),
    ("Europa Press", &["Europa Press"]),
    ("Tanjug", &["Tanjug", "Танјуг"]),
    ("ANA-MPA", &["ANA-MPA", "ΑΠΕ-ΜΠΕ"]),
    ("MENA", &["MENA", "أ ش أ"]),
    ("SANA", &["SANA", "سانا"]),
    ("AAP", &["AAP", "Australian Associated Press"]),
];

/// Labels before a credit line's agencies ("Quelle: dpa").
const SOURCE_LABELS: &[&str] =
    &["source", "sources", "quelle", "fuente", "fonte", "izvor", "извор", "источник", "المصدر", "πηγή", "kaynak"];

/// A name as credits are compared: letters and digits only, lower-case, Arabic alef
/// without its hamza ("أ ف ب", "ا.ف.ب" and "أ.ف.ب." are one).
fn key(text: &str) -> String {
    let folded = text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase);
    folded.map(|c| if matches!(c, 'أ' | 'إ' | 'آ') { 'ا' } else { c }).collect()
}

/// The agency a credit names, by any of its names.
fn agency(text: &str) -> Option<&'static str> {
    let text = text.trim();
    let wanted = key(text);
    let capitals = !text.chars().any(char::is_lowercase);
    AGENCIES.iter().find_map(|(name, forms)| {
        let matches = |form: &&str| {
            let short = form.chars().filter(|c| c.is_alphanumeric()).count() <= 3 && *form != "dpa";
            text == *form || (key(form) == wanted && (!short || capitals))
        };
        forms.iter().any(matches).then_some(*name)
    })
}

/// The agencies of a credit: one or more known agencies, and nothing else, joined by `/`,
/// `|`, `,`, `;`, `&`, "and" in a few languages, or a capital I standing for a bar ("AFP I
/// PTI"); wrapped in brackets, slashes (TASS's "/ТАСС/") or dashes, after a label such as
/// "Source:". Several agencies are written "AFP and PTI".
pub(super) fn credit(text: &str) -> Option<String> {
    let mut text = text.trim().trim_start_matches(['-', '–', '—', '•', ' ']).trim_end_matches(['.', ' ']);
    for (open, close) in [("(", ")"), ("[", "]"), ("/", "/")] {
        text = text.strip_prefix(open).and_then(|t| t.strip_suffix(close)).unwrap_or(text).trim();
    }
    if let Some((label, rest)) = text.split_once(':')
        && SOURCE_LABELS.contains(&label.trim().to_lowercase().as_str())
    {
        text = rest.trim();
    }
    let mut names: Vec<&str> = Vec::new();
    let spaced = [" I ", " and ", " und ", " et ", " y ", " e ", " i ", " и ", " و "];
    let mut parts = vec![text];
    for separator in spaced {
        parts = parts.into_iter().flat_map(|p| p.split(separator)).collect();
    }
    for part in parts.iter().flat_map(|p| p.split(['/', '|', ',', ';', '&', '،'])) {
        let name = agency(part)?;
        if !names.contains(&name) {
            names.push(name);
        }
    }
    match names.as_slice() {
        [] => None,
        [one] => Some((*one).to_string()),
        [init @ .., last] => Some(format!("{} and {last}", init.join(", "))),
    }
}
