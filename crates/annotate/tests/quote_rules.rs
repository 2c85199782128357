//! Quotation rules on small texts: parts, paragraphs, pronouns and unknown speakers.

mod common;

use annotate::{EntityMatcher, annotate};
use common::{corpus_of, seeds, source};

/// (speaker id or "?", speaker words, quoted text) of every report of `raw`.
fn quotes_of(raw: &str) -> Vec<(String, Option<String>, String)> {
    let mut corpus = corpus_of(vec![source("a", "Outlet", "2016-09-01", raw)]);
    corpus.entities = seeds().entities;
    let annotations = annotate(&corpus, &EntityMatcher::new(&corpus.entities));
    annotations
        .quotations
        .quotes
        .iter()
        .flat_map(|q| &q.reports)
        .map(|r| {
            (
                r.speaker.map_or("?".to_string(), |e| corpus.entities[e].id.clone()),
                r.speaker_text.clone(),
                r.text(&corpus),
            )
        })
        .collect()
}

#[test]
fn a_quotation_can_span_paragraphs() {
    let raw = "Putin said: “We will go on fighting terrorists in Syria for as long as it takes.\n\n“And we will not stop until the job is done,” he added.\n\nLavrov agreed.";
    let quotes = quotes_of(raw);
    assert_eq!(quotes.len(), 1, "{quotes:?}");
    assert_eq!(quotes[0].0, "vladimir-putin");
    assert!(quotes[0].2.contains(" … And we will not stop"), "{quotes:?}");
}

#[test]
fn he_said_resolves_to_the_person_the_text_is_about() {
    let raw = "Sitting across from him, Kerry agreed that Obama had found the call useful.\n\n“Hopefully, we’ll be able to make some genuine progress,” he said.";
    assert_eq!(quotes_of(raw)[0].0, "john-kerry", "the first person of the sentence before, not the last");
    let raw = "“We need a solution to this,” a senior US official said.\n\n“Time is short here,” he warned.";
    let quotes = quotes_of(raw);
    assert_eq!((quotes[1].0.as_str(), quotes[1].1.as_deref()), ("?", Some("a senior US official")));
}

#[test]
fn unknown_stays_unknown() {
    let quotes =
        quotes_of("The talks went on all night in Geneva.\n\n“Nothing has been agreed until everything is agreed.”");
    assert_eq!(quotes, [("?".to_string(), None, "Nothing has been agreed until everything is agreed.".to_string())]);
}

#[test]
fn continuing_parts_join_their_quotation() {
    let raw = "“The talks are very difficult,” Putin said. “One of the key problems is that we insist on separating the groups.”";
    let quotes = quotes_of(raw);
    assert_eq!(quotes.len(), 1);
    assert_eq!(
        quotes[0].2,
        "The talks are very difficult, … One of the key problems is that we insist on separating the groups."
    );
}

#[test]
fn one_attribution_between_two_halves_makes_one_quotation() {
    let raw = "“After two more years of this,” Doctor asks, “what kind of products are going to be left in local communities?”";
    let quotes = quotes_of(raw);
    assert_eq!(quotes.len(), 1, "{quotes:?}");
    assert!(quotes[0].2.contains(" … what kind of products"), "{quotes:?}");
}

/// A report's named speaker as (name, title, description, speaker words).
type Named = (Option<String>, Option<String>, Option<String>, Option<String>);

/// The named speaker of every report of `raw`, a source in `language`.
fn named_of(raw: &str, language: &str) -> Vec<Named> {
    let mut text = source("a", "Outlet", "2016-09-01", raw);
    text.meta.language = language.to_string();
    let mut corpus = corpus_of(vec![text]);
    corpus.entities = seeds().entities;
    let annotations = annotate(&corpus, &EntityMatcher::new(&corpus.entities));
    let reports = annotations.quotations.quotes.iter().flat_map(|q| &q.reports);
    reports
        .map(|r| {
            let named = r.named.as_ref();
            (
                named.map(|n| n.name.clone()),
                named.and_then(|n| n.title.clone()),
                named.and_then(|n| n.description.clone()),
                r.speaker_text.clone(),
            )
        })
        .collect()
}

#[test]
fn a_surname_is_the_full_name_the_source_gives() {
    let raw = "“None of this has anything to do with the election,” said Rep. Jerry Nadler, a Democrat from New York.\n\nThe committee met again on Tuesday.\n\n“We will hold the hearings in public, every one of them,” Nadler said.";
    let found = named_of(raw, "en");
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].0.as_deref(), Some("Jerry Nadler"));
    assert_eq!(found[0].1.as_deref(), Some("Rep."));
    assert_eq!(found[0].2.as_deref(), Some("a Democrat from New York"));
    assert_eq!((found[1].0.as_deref(), found[1].3.as_deref()), (Some("Jerry Nadler"), Some("Nadler")));
}

#[test]
fn he_is_the_named_person_the_text_is_about() {
    let raw = "Jerry Nadler, the committee's chairman, opened the hearing on Tuesday morning.\n\n“This is a sad day for the country and for the Constitution,” he said.";
    let found = named_of(raw, "en");
    assert_eq!((found[0].0.as_deref(), found[0].3.as_deref()), (Some("Jerry Nadler"), Some("he")));
}

#[test]
fn other_languages_quote_with_their_own_marks_and_verbs() {
    let found =
        named_of("„Wir schaffen das, und wir werden es gemeinsam schaffen“, sagte Angela Merkel am Montag.", "de");
    assert_eq!(found[0].0.as_deref(), Some("Angela Merkel"));
    let found = named_of("«Nous ne céderons rien sur ce sujet essentiel pour la France», a déclaré M. Macron.", "fr");
    assert_eq!((found[0].0.as_deref(), found[0].1.as_deref()), (Some("Macron"), Some("M.")));
    let found = named_of("«Мы готовы к диалогу с нашими партнерами по всем вопросам», — заявил Дмитрий Песков.", "ru");
    assert_eq!(found[0].0.as_deref(), Some("Дмитрий Песков"));
}

/// The names the reports of `raw` give, in order ("?" for none).
fn names_of(raw: &str) -> Vec<String> {
    named_of(raw, "en").into_iter().map(|n| n.0.unwrap_or_else(|| "?".to_string())).collect()
}

#[test]
fn she_is_the_nearest_person_the_source_calls_she() {
    // The sentence before names a man; "she" passes him over for the woman named earlier.
    let raw = "Maria Lopez runs the clinic, and she has done so for a decade.\n\nHer colleague Tom Baker joined in May.\n\n“We are stretched thin every single winter,” she said.";
    assert_eq!(names_of(raw), ["Maria Lopez"]);
    // A sentence whose subject is "he" is about the same man: the people it names otherwise
    // are not who the next "he" is.
    let raw = "John Ford wrote novels.\n\nAlthough Ford had outlined the whole book, he struggled to finish it. On July 27, 2006, he emailed Neil Gaiman about it. “It’s not exactly like I can have someone charge in,” he wrote.";
    assert_eq!(names_of(raw), ["John Ford"]);
    // "his" before a name is someone else's: it says nothing of the name's pronoun.
    let raw = "His friends held a service, which Jane Starner attended.\n\nJane Starner spoke with pride. “He was brilliant from the start,” she said.";
    assert_eq!(names_of(raw), ["Jane Starner"]);
}

#[test]
fn descriptions_and_signatures_name_the_speaker() {
    // A description refers back to the person named before.
    let raw = "Jose Mourinho has agreed a deal to manage the club.\n\nThe 56-year-old said: “I am excited to be joining a club with such a great heritage.”";
    assert_eq!(names_of(raw), ["Jose Mourinho"]);
    // A name in apposition to a description is the speaker's.
    let found = named_of(
        "According to his aunt, Jane Starner, “He was brilliant from the start, reading at an adult level.”",
        "en",
    );
    assert_eq!((found[0].0.as_deref(), found[0].2.as_deref()), (Some("Jane Starner"), Some("his aunt")));
    // A dash after a quotation, in its paragraph or the next, signs it.
    let raw = "“Had he written five books in that world, he would have been a household name.” — Neil Gaiman";
    assert_eq!(names_of(raw), ["Neil Gaiman"]);
    let raw = "“The show was really great and booking through the site was easy.”\n\n– Maria Lopez\n\n“Very talented people, super fun and entertaining!”\n\n– Tom Baker";
    assert_eq!(names_of(raw), ["Maria Lopez", "Tom Baker"]);
}

#[test]
fn a_second_verb_and_a_title_in_quotes_keep_their_speaker() {
    let raw = "In his announcement, Tom Baker touched upon the idea and noted there should be “zero shame” involved.\n\n“Miscarriage is something that people rarely talk about, and often go through in secret.”";
    assert_eq!(names_of(raw), ["Tom Baker"]);
    let raw = "Tom Baker starred in the series for six years.\n\n\"Hearing the heartbeat was something we never take for granted,\" the \"Pose\" actor said.";
    assert_eq!(names_of(raw), ["Tom Baker"]);
}

#[test]
fn a_title_attributed_to_no_one_is_no_quotation() {
    let raw = "Mary Steenburgen wrote the song for the film.\n\n“Wild Rose”\n\n“Financial Freedom: A Proven Path to All the Money You Will Ever Need” is his book.";
    assert_eq!(quotes_of(raw), []);
    let raw = "The club announced the deal on Wednesday.\n\n“Welcome Jose,” Tottenham tweeted.";
    assert_eq!(quotes_of(raw).len(), 1);
}
