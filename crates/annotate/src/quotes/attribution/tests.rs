use super::*;
use crate::quotes::NamedSpeaker;
use crate::quotes::marks::quoted_spans;

/// The speaker of the longest quotation of a one-sentence text; `names` are (words, entity).
fn speaker_in(text: &str, names: &[(&str, usize)], language: &str) -> Option<SpeakerPhrase> {
    let spans = quoted_spans(text);
    let masked: Vec<Range<usize>> = spans.iter().map(|s| s.outer.clone()).collect();
    let mentions: Vec<(Range<usize>, usize)> = names
        .iter()
        .map(|&(name, e)| {
            let at = text.find(name).unwrap();
            (at..at + name.len(), e)
        })
        .collect();
    let reading = Reading::new(text, &masked);
    let last = spans.iter().rfind(|s| s.inner.len() > 20).unwrap_or(&spans[0]);
    speaker(&reading, 0..text.len(), last.outer.clone(), &mentions, language)
}

fn speaker_of(text: &str, names: &[(&str, usize)]) -> Option<SpeakerPhrase> {
    speaker_in(text, names, "en")
}

fn named(name: &str, title: Option<&str>, description: Option<&str>, words: &str) -> Option<SpeakerPhrase> {
    let speaker = NamedSpeaker {
        name: name.to_string(),
        title: title.map(str::to_string),
        description: description.map(str::to_string),
    };
    Some(SpeakerPhrase::Named(speaker, words.to_string()))
}

fn text(words: &str) -> Option<SpeakerPhrase> {
    Some(SpeakerPhrase::Text(words.to_string()))
}

#[test]
fn finds_speakers_before_and_after_the_verb() {
    let putin = [("Putin", 1)];
    assert_eq!(
        speaker_of("“The talks are very difficult,” Putin said.", &putin),
        Some(SpeakerPhrase::Entity(1, "Putin".into()))
    );
    assert_eq!(
        speaker_of("“It seems ambitious,” said a senior western diplomat.", &[]),
        text("a senior western diplomat")
    );
    assert_eq!(
        speaker_of(
            "“We are seeking with you solutions,” Mr Putin told Mr Kerry, before talks.",
            &[("Mr Putin", 1), ("Mr Kerry", 2)]
        ),
        Some(SpeakerPhrase::Entity(1, "Mr Putin".into()))
    );
    assert_eq!(
        speaker_of(
            "Asked about Turkey, Putin said Ankara and Moscow “have a mutual desire to come to an agreement about it.”",
            &putin
        ),
        Some(SpeakerPhrase::Entity(1, "Putin".into()))
    );
    assert_eq!(
        speaker_of(
            "\"And I think people all over the world are waiting\" to fight terrorism, Kerry said.",
            &[("Kerry", 2)]
        ),
        Some(SpeakerPhrase::Entity(2, "Kerry".into()))
    );
}

#[test]
fn keeps_unnamed_speakers_as_written_and_pronouns_for_later() {
    assert_eq!(
        speaker_of("“We need a solution to this,” a senior US official said.", &[("US", 3)]),
        text("a senior US official")
    );
    assert_eq!(
        speaker_of("“Hopefully, we will make progress,” he said.", &[]),
        Some(SpeakerPhrase::Pronoun("he".into()))
    );
    assert_eq!(
        speaker_of("Earlier, Mr Kerry had said: “I think the world benefits from this.”", &[("Mr Kerry", 2)]),
        Some(SpeakerPhrase::Entity(2, "Mr Kerry".into()))
    );
    assert_eq!(speaker_of("“Where do you see elements of democracy in Libya?”", &[]), None);
}

#[test]
fn names_people_outside_the_catalogue() {
    assert_eq!(
        speaker_of("“It’s horrifying. Journalistically it’s horrifying,” Tapper said.", &[]),
        named("Tapper", None, None, "Tapper")
    );
    assert_eq!(
        speaker_of(
            "“None of this has anything to do with Hillary Clinton,” said Rep. Jerry Nadler, a Democrat from New York and a Clinton ally.",
            &[]
        ),
        named("Jerry Nadler", Some("Rep."), Some("a Democrat from New York and a Clinton ally"), "Rep. Jerry Nadler")
    );
    assert_eq!(
        speaker_of("“I never had access to questions before the debates,” Brazile said in a statement.", &[]),
        named("Brazile", None, None, "Brazile")
    );
    assert_eq!(
        speaker_of(
            "“We’re seeing a backlash caused by that neglect of the workers,” said Alden, author of the book “Failure to Adjust.”",
            &[]
        ),
        named("Alden", None, Some("author of the book"), "Alden")
    );
    assert_eq!(
        speaker_of(
            "“In my view, we are gradually moving in the right direction,” Mr. Putin was quoted as saying.",
            &[]
        ),
        named("Putin", Some("Mr."), None, "Mr. Putin")
    );
    assert_eq!(
        speaker_of("Kremlin spokesman Dmitry Peskov told reporters: “There is no agreement on this at all yet.”", &[]),
        named("Dmitry Peskov", Some("Kremlin spokesman"), None, "Kremlin spokesman Dmitry Peskov")
    );
    assert_eq!(
        speaker_of("“The bill will pass before the end of the month,” Nadler, who chairs the committee, said.", &[]),
        named("Nadler", None, Some("who chairs the committee"), "Nadler")
    );
}

#[test]
fn documents_bodies_and_participles_speak_too() {
    assert_eq!(
        speaker_of("“Outlooks were mostly optimistic for the coming year,” according to the report.", &[]),
        text("the report")
    );
    assert_eq!(
        speaker_of("The newspaper took note of the shift, writing: “We recognize that this is a departure.”", &[]),
        text("The newspaper")
    );
    assert_eq!(
        speaker_of("Brazile said in a statement: “I never had access to questions before the debates.”", &[]),
        named("Brazile", None, None, "Brazile")
    );
    assert_eq!(
        speaker_of("“We will not comment on the ongoing investigation,” the State Department said.", &[]),
        text("the State Department")
    );
    assert_eq!(
        speaker_of("Nadler put it bluntly: “This is a constitutional crisis and we must act.”", &[]),
        named("Nadler", None, None, "Nadler")
    );
}

#[test]
fn other_languages_have_their_own_verbs() {
    assert_eq!(
        speaker_in("„Wir schaffen das, und wir werden es gemeinsam schaffen“, sagte Merkel am Montag.", &[], "de"),
        named("Merkel", None, None, "Merkel")
    );
    assert_eq!(
        speaker_in("«Nous ne céderons rien sur ce sujet essentiel pour la France», a déclaré M. Macron.", &[], "fr"),
        named("Macron", Some("M."), None, "M. Macron")
    );
    assert_eq!(
        speaker_in("«Мы готовы к диалогу с нашими партнерами по всем вопросам», — заявил Путин.", &[], "ru"),
        named("Путин", None, None, "Путин")
    );
    assert_eq!(
        speaker_in("Путин сказал: «Мы готовы к диалогу с нашими партнерами по всем вопросам».", &[], "ru"),
        named("Путин", None, None, "Путин")
    );
}

#[test]
fn a_verb_naming_no_one_gives_way_to_the_next() {
    assert_eq!(
        speaker_of(
            "\"Bigger than just the little deal we have been talking about\" announced in October, said Derek Scissors, a China scholar.",
            &[]
        ),
        named("Derek Scissors", None, Some("a China scholar"), "Derek Scissors")
    );
}

#[test]
fn the_subject_of_a_sentence_is_its_first_noun_phrase_after_adverbials() {
    let subject = |text: &str| subject_of(&Reading::new(text, &[]), 0..text.len(), &[]);
    let he = subject("On July 27, 2006, he emailed Gaiman about how hard it was.");
    assert!(matches!(he, Some(SpeakerPhrase::Pronoun(ref w)) if w == "he"), "{he:?}");
    assert_eq!(
        subject("Babin referred to those comments at last week’s hearing."),
        named("Babin", None, None, "Babin")
    );
}

#[test]
fn a_second_verb_speaks_for_the_sentence_subject() {
    let text =
        "In his announcement, Van Der Beek touched upon the idea and noted there should be “zero shame” involved.";
    let reading = Reading::new(text, &quoted_spans(text).iter().map(|s| s.outer.clone()).collect::<Vec<_>>());
    assert_eq!(reported(&reading, 0..text.len(), &[], "en"), named("Van Der Beek", None, None, "Van Der Beek"));
    assert_eq!(
        speaker_of(
            "As Gaiman put it, “Had he taken The Dragon Waiting and written a sequence of five books, he would’ve been George R.R. Martin.”",
            &[]
        ),
        named("Gaiman", None, None, "Gaiman")
    );
}

#[test]
fn a_possessive_determines_a_described_speaker() {
    let s = speaker_of(
        "At some point, Ford’s late father told Starner that “the only way I know he’s alive is because he cashes the checks.”",
        &[],
    );
    assert_eq!(s, text("Ford’s late father"));
}

#[test]
fn a_colon_lead_in_speaks_for_the_subject_of_its_clause() {
    let s = speaker_of(
        "Moving forward, Swift has a new record deal, and the label will be left to wonder: “what did we do to deserve this?”",
        &[],
    );
    assert_eq!(s, text("the label"));
}
