use super::*;
use corpus::EntityKind;

fn entity(id: &str, name: &str, aliases: &[&str]) -> Entity {
    Entity {
        id: id.into(),
        name: name.into(),
        kind: EntityKind::Person,
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        aliases_any_case: Vec::new(),
        stands_for: None,
        description: None,
        wikidata: None,
    }
}

fn catalogue() -> Vec<Entity> {
    let mut islamic_state = entity("islamic-state", "Islamic State", &[]);
    islamic_state.aliases_any_case = vec!["ISIS".into()];
    let mut moscow = entity("moscow", "Moscow", &["Москва"]);
    moscow.stands_for = Some(5);
    vec![
        entity("putin", "Vladimir Putin", &["Putin", "Russian President Vladimir Putin", "the Russian president"]),
        entity("us", "United States", &["US", "U.S."]),
        entity("iran", "Iran", &[]),
        entity("nusra", "Nusra Front", &["al-Nusra"]),
        moscow,
        entity("russia", "Russia", &[]),
        islamic_state,
        entity("erdogan", "Recep Tayyip Erdoğan", &["Erdoğan"]),
        entity("envoy", "Staffan de Mistura", &["UN Syria envoy Staffan de Mistura"]),
        entity("un", "United Nations", &["UN"]),
    ]
}

fn found(text: &str) -> Vec<(String, &str)> {
    let entities = catalogue();
    let matcher = EntityMatcher::new(&entities);
    let mut named = vec![false; entities.len()];
    matcher.find(text, &mut named).into_iter().map(|m| (entities[m.entity].id.clone(), &text[m.range])).collect()
}

fn pairs<'a>(expected: &[(&str, &'a str)]) -> Vec<(String, &'a str)> {
    expected.iter().map(|&(a, b)| (a.to_string(), b)).collect()
}

#[test]
fn longest_match_wins() {
    assert_eq!(
        found("Russian President Vladimir Putin spoke."),
        pairs(&[("putin", "Russian President Vladimir Putin")])
    );
}

#[test]
fn matches_whole_words_case_sensitively() {
    assert_eq!(found("Iranian militias told us that US forces"), pairs(&[("us", "US")]));
    assert_eq!(
        found("Assad’s ally Iran, and Putin's plan; the U.S. said"),
        pairs(&[("iran", "Iran"), ("putin", "Putin"), ("us", "U.S.")])
    );
}

#[test]
fn accented_and_cyrillic_names_match() {
    assert_eq!(found("fighting al-Nusra in Москва."), pairs(&[("nusra", "al-Nusra"), ("moscow", "Москва")]));
    assert_eq!(found("Erdoğan’s apology, Erdoğanist"), pairs(&[("erdogan", "Erdoğan")]));
}

#[test]
fn any_case_aliases_fold_ascii_case() {
    assert_eq!(
        found("ISIS, Isis and isis"),
        pairs(&[("islamic-state", "ISIS"), ("islamic-state", "Isis"), ("islamic-state", "isis")])
    );
    assert_eq!(found("crisis"), pairs(&[]), "still whole words only");
}

#[test]
fn descriptive_aliases_need_a_prior_name() {
    assert_eq!(found("the Russian president said"), pairs(&[]));
    assert_eq!(
        found("Putin spoke; the Russian president said"),
        pairs(&[("putin", "Putin"), ("putin", "the Russian president")])
    );
}

#[test]
fn a_capital_stands_for_its_government_outside_phrases_of_place() {
    assert_eq!(
        found("Kerry flew to Moscow. Moscow and Washington agreed, patience with Moscow ran out in Moscow."),
        pairs(&[("moscow", "Moscow"), ("russia", "Moscow"), ("russia", "Moscow"), ("moscow", "Moscow")])
    );
}

#[test]
fn lists_aliases_that_hide_other_entities() {
    let nested = nested_aliases(&catalogue());
    assert!(
        nested
            .iter()
            .any(|(e, alias, inner, words)| *e == 8 && alias.starts_with("UN Syria") && *inner == 9 && words == "UN")
    );
    assert!(!nested.iter().any(|(e, _, _, _)| *e == 0), "Russian President Vladimir Putin hides no other entity");
}

#[test]
fn an_empty_catalogue_finds_nothing() {
    assert!(EntityMatcher::new(&[]).find("Putin", &mut []).is_empty());
}
