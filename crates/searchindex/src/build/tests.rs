use std::collections::BTreeMap;

use serde_json::Value;

use super::*;
use crate::Section;
use crate::words::words;

fn section<'a>(anchor: &'a str, label: &'a str, text: &'a str) -> Section<'a> {
    Section { anchor: anchor.into(), label: label.into(), text: text.into() }
}

fn document(url: String, title: String, paragraphs: Vec<String>) -> Document<'static> {
    let mut sections = vec![Section { anchor: "".into(), label: "".into(), text: Cow::Owned(title.clone()) }];
    for (i, text) in paragraphs.into_iter().enumerate() {
        sections.push(Section {
            anchor: format!("p{}", i + 1).into(),
            label: format!("¶{}", i + 1).into(),
            text: text.into(),
        });
    }
    Document { url, title: title.into(), meta: vec!["Outlet".into()], sections }
}

/// A corpus large enough for many term chunks and document files, with words from a small
/// vocabulary (frequent terms) and numbered ones (rare terms).
fn corpus(sources: usize) -> Vec<DocumentType<'static>> {
    let vocabulary = ["talks", "Geneva", "ceasefire", "Kerry", "Lavrov", "aleppo", "Москва", "élan", "x", "𝒜𝒷"];
    let sources = (0..sources)
        .map(|i| {
            let paragraphs = (0..1 + i % 4)
                .map(|p| {
                    format!(
                        "{} {} word{} \"quoted\" \u{1}ctl",
                        vocabulary[(i + p) % 10],
                        vocabulary[(i * 7 + p) % 10],
                        i * 3 + p
                    )
                })
                .collect();
            document(format!("sources/s{i}.html"), format!("Source {i}"), paragraphs)
        })
        .collect();
    let briefing = document("index.html".into(), "Briefing".into(), vec!["Overview of the talks".into()]);
    vec![
        DocumentType { name: "Briefing", documents: vec![briefing] },
        DocumentType { name: "Entity", documents: Vec::new() },
        DocumentType { name: "Source", documents: sources },
    ]
}

fn files(types: &[DocumentType<'_>]) -> BTreeMap<String, Vec<u8>> {
    let files = std::sync::Mutex::new(BTreeMap::new());
    let count = build(types, |file| {
        let mut files = files.lock().unwrap();
        assert!(files.insert(file.path.clone(), file.bytes).is_none(), "{} written twice", file.path);
        Ok::<(), ()>(())
    })
    .unwrap();
    let files = files.into_inner().unwrap();
    assert_eq!(count, files.len());
    files
}

fn json(files: &BTreeMap<String, Vec<u8>>, path: &str) -> Value {
    serde_json::from_slice(&files[path]).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn utf16_less(a: &str, b: &str) -> bool {
    a.encode_utf16().cmp(b.encode_utf16()).is_lt()
}

/// Reads the whole index back and checks it against the documents: every term of every
/// section is found in the right chunk, with exactly the documents and sections that hold it.
#[test]
fn the_index_reads_back_as_the_documents() {
    let types = corpus(3000);
    let files = files(&types);
    let index = json(&files, "index.json");
    assert_eq!(index["version"], 1);
    assert_eq!(index["docs"], 3001);
    assert_eq!(
        index["types"],
        serde_json::json!([{"name":"Briefing","from":0,"to":1},{"name":"Source","from":1,"to":3001}])
    );
    let documents: Vec<&Document<'_>> = types.iter().flat_map(|t| &t.documents).collect();

    // Documents: every file holds the ids it says, in order, and each reads back whole.
    let doc_files: Vec<usize> = serde_json::from_value(index["doc_files"].clone()).unwrap();
    assert!(doc_files.len() > 10, "{} document files", doc_files.len());
    let mut id = 0;
    for (n, first) in doc_files.iter().enumerate() {
        assert_eq!(*first, id);
        for stored in json(&files, &format!("docs/{n}.json")).as_array().unwrap() {
            let document = documents[id];
            assert_eq!(stored["url"], document.url.as_str());
            assert_eq!(stored["title"], &*document.title);
            let sections: Vec<(String, String, String)> = serde_json::from_value(stored["sections"].clone()).unwrap();
            let expected: Vec<(String, String, String)> = document
                .sections
                .iter()
                .map(|s| (s.anchor.to_string(), s.label.to_string(), s.text.to_string()))
                .collect();
            assert_eq!(sections, expected);
            id += 1;
        }
    }
    assert_eq!(id, documents.len());

    // Terms: what each document's sections hold, by brute force.
    let mut expected: BTreeMap<String, BTreeMap<u32, Vec<u32>>> = BTreeMap::new();
    for (doc, document) in documents.iter().enumerate() {
        for (number, section) in document.sections.iter().enumerate() {
            for word in words(&section.text) {
                let sections = expected.entry(word.into_owned()).or_default().entry(doc as u32).or_default();
                if sections.last() != Some(&(number as u32)) {
                    sections.push(number as u32);
                }
            }
        }
    }
    let firsts: Vec<String> = serde_json::from_value(index["term_chunks"].clone()).unwrap();
    assert!(firsts.len() > 3, "{} term chunks", firsts.len());
    let mut found = BTreeMap::new();
    let mut previous: Option<String> = None;
    for (n, first) in firsts.iter().enumerate() {
        let path = format!("terms/{n}.json");
        let text = std::str::from_utf8(&files[&path]).unwrap();
        let chunk = json(&files, &path);
        let mut keys: Vec<(usize, &String)> =
            chunk.as_object().unwrap().keys().map(|k| (text.find(&format!("\"{k}\":[")).unwrap(), k)).collect();
        keys.sort();
        assert_eq!(keys[0].1, first, "{path} starts with its first term");
        for (_, term) in keys {
            assert!(previous.as_ref().is_none_or(|p| utf16_less(p, term)), "{term} after {previous:?}");
            if let Some(next) = firsts.get(n + 1) {
                assert!(utf16_less(term, next));
            }
            let flat: Vec<u32> = serde_json::from_value(chunk[term].clone()).unwrap();
            let mut decoded = BTreeMap::new();
            let (mut at, mut doc) = (0, 0);
            while at < flat.len() {
                doc += flat[at];
                let count = flat[at + 1] as usize;
                decoded.insert(doc, flat[at + 2..at + 2 + count].to_vec());
                at += 2 + count;
            }
            found.insert(term.clone(), decoded);
            previous = Some(term.clone());
        }
    }
    assert_eq!(found.len(), expected.len());
    assert_eq!(found, expected);
    assert!(found.contains_key("москва") && found.contains_key("𝒜𝒷") && !found.contains_key("x"));
}

#[test]
fn the_same_documents_give_the_same_bytes() {
    assert_eq!(files(&corpus(700)), files(&corpus(700)));
}

#[test]
fn untrusted_text_is_stored_as_json_strings() {
    let hostile = "</script><script>alert(1)</script> \"quote\" \\ \u{0} \u{2028} \u{7f}";
    let types = [DocumentType {
        name: "Source",
        documents: vec![Document {
            url: "sources/a.html".into(),
            title: hostile.into(),
            meta: vec![hostile.into()],
            sections: vec![section("", "", hostile), section("p1", "¶1", hostile)],
        }],
    }];
    let files = files(&types);
    let stored = json(&files, "docs/0.json");
    assert_eq!(stored[0]["title"], hostile);
    assert_eq!(stored[0]["sections"][1][2], hostile);
    let index = json(&files, "index.json");
    assert_eq!(index["term_chunks"], serde_json::json!(["alert"]));
    assert_eq!(json(&files, "terms/0.json")["script"], serde_json::json!([0, 2, 0, 1]));
}

#[test]
fn an_empty_site_has_an_index_with_no_terms() {
    let files = files(&[DocumentType { name: "Source", documents: Vec::new() }]);
    assert_eq!(files.len(), 1);
    let index = json(&files, "index.json");
    assert_eq!(index["docs"], 0);
    assert_eq!(index["term_chunks"], serde_json::json!([]));
    assert_eq!(index["doc_files"], serde_json::json!([]));
}

#[test]
fn a_sink_error_stops_the_build() {
    let types = corpus(10);
    let index_written = std::sync::atomic::AtomicBool::new(false);
    let result = build(&types, |file| {
        index_written.fetch_or(file.path == "index.json", std::sync::atomic::Ordering::Relaxed);
        Err("disk full")
    });
    assert_eq!(result, Err("disk full"));
    assert!(!index_written.into_inner(), "index.json is written last, only when the rest is");
}

fn files_cached(types: &[DocumentType<'_>], cache: &mut IndexCache) -> BTreeMap<String, Vec<u8>> {
    let files = std::sync::Mutex::new(BTreeMap::new());
    build_cached(types, cache, |file| {
        files.lock().unwrap().insert(file.path.clone(), file.bytes);
        Ok::<(), ()>(())
    })
    .unwrap();
    files.into_inner().unwrap()
}

/// Builds kept from one to the next give the files of a fresh build, after documents are
/// edited, added and removed; the documents an edit did not touch are not made again.
#[test]
fn a_cached_build_writes_what_a_fresh_build_writes() {
    let mut cache = IndexCache::default();
    let mut types = corpus(300);
    assert_eq!(files_cached(&types, &mut cache), files(&types));
    assert_eq!(cache.reused(), 0);
    let sources = &mut types[2].documents;
    sources[10].sections[1].text = "A new paragraph about Aleppo and Geneva".into();
    sources.remove(20);
    sources.push(document("sources/new.html".into(), "New source".into(), vec!["Kerry met Lavrov".into()]));
    assert_eq!(files_cached(&types, &mut cache), files(&types));
    assert_eq!(cache.reused(), 301 - 2);
    assert_eq!(files_cached(&types, &mut cache), files(&types));
    assert_eq!(cache.reused(), 301);
}
