//! `sitegen import` and `sitegen new`: every seed imported gives the paragraphs of the real
//! source; nothing is ever overwritten; a template loads once filled in.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use corpus::{Block, Corpus, Source};

mod common;
use common::repo;

/// A content folder with the real site, briefing and catalogue, and no sources.
fn empty_content(dir: &Path) -> PathBuf {
    let content = dir.join("content");
    fs::create_dir_all(content.join("sources")).unwrap();
    for file in ["site.yaml", "briefing.md", "entities.yaml"] {
        fs::copy(repo().join("content").join(file), content.join(file)).unwrap();
    }
    content
}

fn seed_texts() -> Vec<PathBuf> {
    let mut texts: Vec<PathBuf> = fs::read_dir(repo().join("content/texts"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    texts.sort();
    assert_eq!(texts.len(), 5, "the five seeds");
    texts
}

/// `sitegen import` with no options.
fn import(content: &Path, files: &[PathBuf]) -> Vec<Result<sitegen::Imported, sitegen::FileError>> {
    sitegen::import_files(content, files, &sitegen::ImportOptions::default(), &|| {})
}

fn load(content: &Path) -> Corpus {
    corpus::load(content).unwrap_or_else(|errors| panic!("{errors}"))
}

/// The real source whose body_file is `text`.
fn real_source<'a>(corpus: &'a Corpus, text: &Path) -> &'a Source {
    let name = text.file_name().unwrap().to_str().unwrap();
    corpus
        .sources
        .iter()
        .find(|s| fs::read_to_string(&s.path).unwrap().contains(&format!("body_file: ../texts/{name}\n")))
        .unwrap_or_else(|| panic!("no source reads {name}"))
}

/// The line `field: ...` of a YAML file.
fn field_line<'a>(yaml: &'a str, field: &str) -> Option<&'a str> {
    yaml.lines().find(|l| l.starts_with(&format!("{field}: ")))
}

fn kinds_and_texts(blocks: &[Block]) -> Vec<(&'static str, &str, Option<&str>)> {
    blocks.iter().map(|b| (b.kind.as_str(), b.text.as_str(), b.attribution.as_deref())).collect()
}

#[test]
fn every_seed_imports_to_the_paragraphs_of_its_real_source() {
    let real = load(&repo().join("content"));
    let dir = tempfile::tempdir().unwrap();
    let content = empty_content(dir.path());
    let texts = seed_texts();
    let imported: Vec<sitegen::Imported> =
        import(&content, &texts).into_iter().map(|r| r.unwrap_or_else(|e| panic!("{e}"))).collect();

    // Whatever was found is what the real source says; fields not found leave the file failing.
    for (text, imported) in texts.iter().zip(&imported) {
        let source = real_source(&real, text);
        let real_yaml = fs::read_to_string(&source.path).unwrap();
        for (field, value) in &imported.found {
            let expected = field_line(&real_yaml, field).unwrap_or_else(|| panic!("{field} of {}", text.display()));
            let value = value.trim_matches('"');
            assert!(
                expected.contains(value),
                "{}: found {field} {value:?}, the real source has {expected:?}",
                text.display()
            );
        }
        assert!(imported.missing_required(), "every seed lacks a required field: {imported}");
        assert!(imported.notes.is_empty(), "{imported}");
    }
    let errors = corpus::load(&content).expect_err("required fields are missing");
    assert_eq!(errors.0.len(), imported.len(), "{errors}");
    assert!(errors.0.iter().all(|e| e.message.contains("missing field")), "{errors}");

    // Fill in what the importer could not find from the real source, as a user would.
    for (text, imported) in texts.iter().zip(&imported) {
        let real_yaml = fs::read_to_string(&real_source(&real, text).path).unwrap();
        let mut yaml = fs::read_to_string(&imported.path).unwrap();
        for (field, _) in &imported.missing {
            let commented = yaml.lines().find(|l| l.starts_with(&format!("# {field}: "))).unwrap().to_string();
            assert!(commented.contains("not found in the text"), "{commented}");
            let filled = field_line(&real_yaml, field).map_or(String::new(), |l| format!("{l}\n"));
            yaml = yaml.replace(&format!("{commented}\n"), &filled);
        }
        if let Some(line) = field_line(&real_yaml, "outlet_inferred") {
            yaml.push_str(&format!("{line}\n"));
        }
        fs::write(&imported.path, yaml).unwrap();
    }
    let corpus = load(&content);
    for (text, imported) in texts.iter().zip(&imported) {
        let real_source = real_source(&real, text);
        let source = corpus.sources.iter().find(|s| s.path == imported.path).unwrap();
        assert_eq!(
            kinds_and_texts(&source.blocks),
            kinds_and_texts(&real_source.blocks),
            "{} imported as {}",
            text.display(),
            imported.path.display()
        );
        assert_eq!(source.meta, real_source.meta, "{}", text.display());
        assert!(imported.paragraphs == source.blocks.len());
    }
}

#[test]
fn the_importer_finds_what_each_seed_says() {
    let dir = tempfile::tempdir().unwrap();
    let content = empty_content(dir.path());
    let found: Vec<Vec<&str>> = import(&content, &seed_texts())
        .into_iter()
        .map(|r| r.unwrap().found.iter().map(|(field, _)| *field).collect())
        .collect();
    assert_eq!(
        found,
        [
            // Each also the language, from its stop words.
            vec!["title", "wire", "language"], // Irish Times: headline, "– (Reuters)"
            vec!["title", "wire", "language"], // Straits Times: headline, "MOSCOW (AFP) -"
            vec!["title", "published", "wire", "language"], // New Arab: headline, "15 July, 2016", "[AFP]"
            vec!["outlet", "url", "byline", "wire", "language"], // Bloomberg: URL, contact block, "(Bloomberg) --"
            vec!["outlet", "url", "language"], // SOTT.net: URL only
        ]
    );
    let names: Vec<String> = fs::read_dir(content.join("sources"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    assert_eq!(
        names,
        [
            "2016-07-15-us-moving-towards-close-cooperation.yaml",
            "2016-09-01-bloomberg-putin-interview.yaml",
            "2016-09-02-sott-putin-interview.yaml",
            "us-and-russia-can-work-together-on-syria.yaml",
            "us-offers-russia-closer-cooperation.yaml",
        ]
    );
}

#[test]
fn import_never_overwrites_and_numbers_a_taken_slug() {
    let dir = tempfile::tempdir().unwrap();
    let content = empty_content(dir.path());
    let text = repo().join("content/texts/2016-07-15-new-arab-kerry-moscow.txt");
    let taken = content.join("sources/2016-07-15-us-moving-towards-close-cooperation.yaml");
    fs::write(&taken, "a file of the user's\n").unwrap();
    let first = import(&content, std::slice::from_ref(&text)).remove(0).unwrap();
    let second = import(&content, &[text]).remove(0).unwrap();
    assert_eq!(fs::read_to_string(&taken).unwrap(), "a file of the user's\n");
    assert_eq!(first.path, content.join("sources/2016-07-15-us-moving-towards-close-cooperation-2.yaml"));
    assert_eq!(second.path, content.join("sources/2016-07-15-us-moving-towards-close-cooperation-3.yaml"));
    assert_eq!(fs::read(&first.path).unwrap(), fs::read(&second.path).unwrap());
    assert!(first.notes.iter().any(|n| n.contains("exists")), "{first}");
}

#[test]
fn import_escapes_what_it_writes_and_refuses_what_has_no_article() {
    let dir = tempfile::tempdir().unwrap();
    let content = empty_content(dir.path());
    let title = r#"Kerry's "deal": \ Erdoğan & Путин #1 - {a: [b]}"#;
    let raw = format!(
        "https://www.example.org/news/2016-07-15/story\n{title}\n\n(Reuters) - Kerry met Putin: \"#1 - {{ok}}\" he said.\n\n   Second paragraph \\ with a backslash.\n"
    );
    let file = dir.path().join("Hostile Name.txt");
    fs::write(&file, raw).unwrap();
    let empty = dir.path().join("empty.txt");
    fs::write(&empty, "https://example.org/x\n20\nAdvertisement\n").unwrap();
    let binary = dir.path().join("binary.txt");
    fs::write(&binary, [0xff, 0xfe, 0x00]).unwrap();
    let results = import(&content, &[file, empty.clone(), binary.clone()]);
    let imported = results[0].as_ref().unwrap();
    assert_eq!(imported.path, content.join("sources/2016-07-15-kerrys-deal-erdogan-putin-1-a-b.yaml"));
    assert!(!imported.missing_required(), "{imported}");
    assert_eq!(results[1].as_ref().unwrap_err().path, empty);
    assert!(results[2].as_ref().unwrap_err().problem.to_string().contains("do not decode"), "{:?}", results[2]);
    let corpus = load(&content);
    let [source] = corpus.sources.as_slice() else { panic!("one source") };
    assert_eq!(source.meta.title, title);
    assert_eq!(source.meta.outlet, "example.org");
    assert_eq!(source.meta.published.to_string(), "2016-07-15");
    assert_eq!(source.meta.wire.as_deref(), Some("Reuters"));
    let texts: Vec<&str> = source.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(texts, ["Kerry met Putin: \"#1 - {ok}\" he said.", "Second paragraph \\ with a backslash."]);
}

#[test]
fn new_writes_a_template_that_loads_once_filled_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let content = empty_content(dir.path());
    let path = sitegen::new_source(&content, "2016-07-15-kerry").unwrap();
    assert_eq!(path, content.join("sources/2016-07-15-kerry.yaml"));
    let template = fs::read_to_string(&path).unwrap();
    for field in ["title", "outlet", "outlet_inferred", "published", "url", "byline", "wire", "language", "body"] {
        assert!(template.contains(&format!("{field}: ")), "{field} is documented");
    }
    assert!(template.contains("body_file: ../texts/2016-07-15-kerry.txt"));

    // Unfilled, it fails with one located error per required field.
    let errors = corpus::load(&content).expect_err("the template is not filled in");
    let fields: Vec<Option<&str>> = errors.0.iter().map(|e| e.field.as_deref()).collect();
    assert_eq!(fields, [Some("title"), Some("outlet"), Some("published"), Some("body")], "{errors}");

    // It never overwrites, and refuses a bad slug.
    fs::write(&path, template.clone() + "# edited\n").unwrap();
    let error = sitegen::new_source(&content, "2016-07-15-kerry").unwrap_err();
    assert_eq!(error.path, path);
    assert!(error.to_string().contains("already exists"), "{error}");
    assert!(fs::read_to_string(&path).unwrap().ends_with("# edited\n"));
    for bad in ["Kerry", "kerry.yaml", "../kerry", "", "-kerry"] {
        assert!(sitegen::new_source(&content, bad).is_err(), "{bad:?}");
    }

    let filled = template
        .replace("title: \"\"", "title: \"Kerry in Moscow\"")
        .replace("outlet: \"\"", "outlet: \"The New Arab\"")
        .replace("published: YYYY-MM-DD", "published: 2016-07-15")
        .replace("body: \"\"", "body: |\n  Kerry met Putin.\n\n  They talked.");
    fs::write(&path, filled).unwrap();
    let corpus = load(&content);
    let source = &corpus.sources[0];
    assert_eq!((source.meta.title.as_str(), source.blocks.len()), ("Kerry in Moscow", 2));
    let entries = fs::read_dir(content.join("sources")).unwrap().count();
    assert_eq!(entries, 1, "nothing else was written");
}

#[test]
fn the_commands_show_examples_and_fail_cleanly() {
    let sitegen = env!("CARGO_BIN_EXE_sitegen");
    for command in ["import", "new", "build", "check"] {
        let output = Command::new(sitegen).args([command, "--help"]).output().unwrap();
        let help = String::from_utf8(output.stdout).unwrap();
        assert!(help.contains("Example"), "{command} --help shows an example:\n{help}");
    }
    let dir = tempfile::tempdir().unwrap();
    let content = empty_content(dir.path());
    let text = repo().join("content/texts/2016-09-02-sott-putin-interview.txt");
    let output = Command::new(sitegen).arg("import").arg("--content").arg(&content).arg(&text).output().unwrap();
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.contains("2016-09-02-sott-putin-interview.yaml: from"), "{stdout}");
    assert!(stdout.contains("not found: title (required), published (required)"), "{stdout}");
    assert!(stdout.contains("fill"), "{stdout}");
    let missing = dir.path().join("missing.txt");
    let output = Command::new(sitegen).arg("import").arg("--content").arg(&content).arg(&missing).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8(output.stderr).unwrap().contains("missing.txt"));
    let output = Command::new(sitegen).args(["new", "x"]).arg("--content").arg(&content).output().unwrap();
    assert!(String::from_utf8(output.stdout).unwrap().contains("sitegen check"));
    let output = Command::new(sitegen).args(["new", "x"]).arg("--content").arg(&content).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
}

/// A saved page in the shape news sites give it: metadata for search engines and social
/// cards, a menu, the article, related headlines and a footer.
const SAVED_PAGE: &str = r#"<!DOCTYPE html>
<html lang="ru-RU"><head><meta charset="utf-8">
<title>Путин встретился с Керри в Кремле | Новости Мира</title>
<meta property="og:title" content="Путин встретился с Керри в Кремле">
<meta property="og:site_name" content="Новости Мира">
<meta property="og:type" content="article">
<link rel="canonical" href="https://novosti.example.ru/world/2015/12/15/putin-kerry">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
 "headline":"Путин встретился с Керри в Кремле","datePublished":"2015-12-15T18:20:00+03:00",
 "author":{"@type":"Person","name":"Иван Петров"},"publisher":{"@type":"Organization","name":"Новости Мира"}}</script>
</head><body>
<nav><ul><li><a href="/">Главная</a></li><li><a href="/world">В мире</a></li><li><a href="/politics">Политика</a></li></ul></nav>
<article><h1>Путин встретился с Керри в Кремле</h1>
<p>Президент России Владимир Путин во вторник встретился в Кремле с государственным секретарем США Джоном Керри, чтобы обсудить урегулирование в Сирии и борьбу с терроризмом.</p>
<p>По словам официальных представителей, переговоры продолжались более трех часов, и стороны договорились продолжить работу над общим списком террористических группировок.</p>
<p>Керри заявил журналистам, что Вашингтон и Москва могут работать вместе, несмотря на разногласия по судьбе президента Сирии Башара Асада, и что следующая встреча пройдет в Нью-Йорке.</p>
</article>
<aside><h2>Читайте также</h2><ul><li><a href="/a">Лавров прибыл в Вену</a></li><li><a href="/b">Курс рубля упал</a></li></ul></aside>
<footer>© 2015 Новости Мира. Все права защищены.</footer>
</body></html>"#;

#[test]
fn a_saved_page_imports_with_its_metadata_and_where_each_field_came_from() {
    let dir = tempfile::tempdir().unwrap();
    let content = empty_content(dir.path());
    let page = dir.path().join("Путин и Керри.html");
    fs::write(&page, SAVED_PAGE).unwrap();
    let imported = import(&content, std::slice::from_ref(&page)).remove(0).unwrap_or_else(|e| panic!("{e}"));
    assert!(!imported.missing_required(), "{imported}");
    assert_eq!(imported.path, content.join("sources/2015-12-15-putin-vstretilsya-s-kerri-v-kremle.yaml"));
    let yaml = fs::read_to_string(&imported.path).unwrap();
    for (field, from) in [
        ("title", "# from h1"),
        ("outlet", "# from JSON-LD publisher"),
        ("published", "# from JSON-LD"),
        ("url", "# from link rel=canonical"),
        ("byline", "# from JSON-LD author"),
        ("language", "# from html lang"),
    ] {
        let line = field_line(&yaml, field).unwrap_or_else(|| panic!("no {field} in {yaml}"));
        assert!(line.contains(from), "{line}");
    }
    let corpus = load(&content);
    let source = &corpus.sources[0];
    assert_eq!(source.meta.title, "Путин встретился с Керри в Кремле");
    assert_eq!(source.meta.outlet, "Новости Мира");
    assert_eq!(source.meta.published.to_string(), "2015-12-15");
    assert_eq!(source.meta.language, "ru-RU");
    assert_eq!(source.meta.byline.as_deref(), Some("Иван Петров"));
    let texts: Vec<&str> = source.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(texts.len(), 3, "the three paragraphs, no menu, no related links, no footer: {texts:?}");
    assert!(texts[0].starts_with("Президент России Владимир Путин"));
}

#[test]
fn command_line_options_fill_what_a_file_lacks_and_bad_files_are_refused_with_their_place() {
    let dir = tempfile::tempdir().unwrap();
    let content = empty_content(dir.path());
    let text = dir.path().join("kerry.txt");
    fs::write(
        &text,
        "Kerry meets Putin in Moscow\n\nUS Secretary of State John Kerry met Russian President Vladimir Putin in the Kremlin on Tuesday to discuss the war in Syria and a list of terrorist groups.\n\nThe two sides agreed to keep working on the list before the next round of talks in New York, officials said after the meeting.\n",
    )
    .unwrap();
    let options = sitegen::ImportOptions {
        outlet: Some("The Irish Times".into()),
        url: Some("https://www.irishtimes.com/news/kerry".into()),
        published: corpus::Date::parse("2015-12-16").ok(),
        language: Some("en".into()),
    };
    let imported = sitegen::import_files(&content, &[text], &options, &|| {}).remove(0).unwrap();
    assert!(!imported.missing_required(), "{imported}");
    let yaml = fs::read_to_string(&imported.path).unwrap();
    assert!(field_line(&yaml, "outlet").unwrap().contains("# from --outlet on the command line"), "{yaml}");
    assert_eq!(load(&content).sources[0].meta.published.to_string(), "2015-12-16");

    let not_article = dir.path().join("index.html");
    fs::write(&not_article, "<html><body><nav><a href='/'>Home</a> <a href='/w'>World</a></nav></body></html>")
        .unwrap();
    let unknown = dir.path().join("old.html");
    fs::write(&unknown, "<html>\n<head><meta charset=\"x-klingon\"></head><body><p>Text.</p></body></html>").unwrap();
    let results = import(&content, &[not_article, unknown]);
    let messages: Vec<String> = results.into_iter().map(|r| r.unwrap_err().to_string()).collect();
    assert!(messages[0].contains("index.html: is not an article"), "{}", messages[0]);
    assert!(messages[1].contains("old.html: line 2, column 13: declares the unknown encoding"), "{}", messages[1]);
    assert_eq!(fs::read_dir(content.join("sources")).unwrap().count(), 1, "nothing written for refused files");
}
