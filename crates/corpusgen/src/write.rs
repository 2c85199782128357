//! Writing generated sources to disk: a sitegen content folder, or a Hugo site.

use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::Path;

use corpus::quoted_scalar as yaml_string;

use crate::generated_source::GeneratedSource;

/// Creates `dir`, or accepts it when it exists and is empty; refuses anything else.
fn empty_folder(dir: &Path) -> io::Result<()> {
    match fs::read_dir(dir) {
        Ok(mut entries) => match entries.next() {
            None => Ok(()),
            Some(_) => Err(io::Error::new(
                io::ErrorKind::AlreadyExists,
                format!("{} is not empty; refusing to write into it", dir.display()),
            )),
        },
        Err(error) if error.kind() == io::ErrorKind::NotFound => fs::create_dir_all(dir),
        Err(error) => Err(io::Error::new(error.kind(), format!("{}: {error}", dir.display()))),
    }
}

fn copy(from: &Path, to: &Path) -> io::Result<()> {
    fs::copy(from, to).map(|_| ()).map_err(|e| io::Error::new(e.kind(), format!("copying {}: {e}", from.display())))
}

/// The YAML file of one source; its body lives in `../texts/<slug>.txt`.
fn source_yaml(source: &GeneratedSource) -> String {
    let mut yaml = format!("# corpusgen: story {}, version {} (0 is the origin)\n", source.story, source.version);
    let _ = writeln!(yaml, "title: {}", yaml_string(&source.title));
    let _ = writeln!(yaml, "outlet: {}", yaml_string(&source.outlet));
    let _ = writeln!(yaml, "published: {}", source.published);
    if let Some(wire) = &source.wire {
        let _ = writeln!(yaml, "wire: {}", yaml_string(wire));
    }
    yaml.push_str("language: en\n");
    let _ = writeln!(yaml, "body_file: ../texts/{}.txt", source.slug);
    yaml
}

/// Writes a complete content folder into `dir`: `site.yaml`, `briefing.md` and
/// `entities.yaml` copied from `template_content` (such as the real `content/`), and
/// `sources/<slug>.yaml` with `texts/<slug>.txt` for each source. Refuses a folder that
/// exists and is not empty.
pub fn write_content(dir: &Path, template_content: &Path, sources: &[GeneratedSource]) -> io::Result<()> {
    empty_folder(dir)?;
    for name in ["site.yaml", "briefing.md", "entities.yaml"] {
        copy(&template_content.join(name), &dir.join(name))?;
    }
    let (yamls, texts) = (dir.join("sources"), dir.join("texts"));
    fs::create_dir(&yamls)?;
    fs::create_dir(&texts)?;
    for source in sources {
        fs::write(texts.join(format!("{}.txt", source.slug)), &source.body)?;
        fs::write(yamls.join(format!("{}.yaml", source.slug)), source_yaml(source))?;
    }
    Ok(())
}

/// Writes the true stories to `path`: one line `slug<TAB>story<TAB>version` per source,
/// sorted by slug, for scoring a clustering of the sources (see [`crate::b_cubed`]).
pub fn write_truth(path: &Path, sources: &[GeneratedSource]) -> io::Result<()> {
    let mut rows: Vec<&GeneratedSource> = sources.iter().collect();
    rows.sort_by(|a, b| a.slug.cmp(&b.slug));
    let mut text = String::with_capacity(rows.len() * 20);
    for source in rows {
        let _ = writeln!(text, "{}\t{}\t{}", source.slug, source.story, source.version);
    }
    fs::write(path, text).map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))
}

const HUGO_CONFIG: &str = r#"baseURL = "/"
title = "corpusgen benchmark"
disableKinds = ["taxonomy", "term"]
"#;

const HUGO_HEAD: &str = r#"<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body>
"#;

const HUGO_SINGLE: &str = r#"<article>
<h1>{{ .Title }}</h1>
<p><time>{{ .Date.Format "2006-01-02" }}</time> · {{ .Params.outlet }}</p>
{{ .Content }}
</article>
</body>
</html>
"#;

const HUGO_LIST: &str = r#"<h1>{{ .Title }}</h1>
<ul>
{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time> · {{ .Params.outlet }}</li>
{{ end }}</ul>
</body>
</html>
"#;

const HUGO_INDEX: &str = r#"<h1>{{ .Site.Title }}</h1>
<ul>
{{ range .Site.RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time> · {{ .Params.outlet }}</li>
{{ end }}</ul>
</body>
</html>
"#;

/// Writes the sources as a minimal Hugo site in `dir`, for a speed comparison: `hugo.toml`
/// (no theme, no taxonomies), layouts for single pages, lists and the home page, and
/// `content/posts/<slug>.md` with YAML front matter (title, date, outlet) and the raw body
/// as Markdown (paragraphs separated by blank lines). Refuses a folder that exists and is
/// not empty.
pub fn write_hugo(dir: &Path, sources: &[GeneratedSource]) -> io::Result<()> {
    empty_folder(dir)?;
    fs::write(dir.join("hugo.toml"), HUGO_CONFIG)?;
    let defaults = dir.join("layouts").join("_default");
    fs::create_dir_all(&defaults)?;
    fs::write(defaults.join("single.html"), format!("{HUGO_HEAD}{HUGO_SINGLE}"))?;
    fs::write(defaults.join("list.html"), format!("{HUGO_HEAD}{HUGO_LIST}"))?;
    fs::write(dir.join("layouts").join("index.html"), format!("{HUGO_HEAD}{HUGO_INDEX}"))?;
    let posts = dir.join("content").join("posts");
    fs::create_dir_all(&posts)?;
    for source in sources {
        let page = format!(
            "---\ntitle: {}\ndate: {}\noutlet: {}\n---\n\n{}",
            yaml_string(&source.title),
            source.published,
            yaml_string(&source.outlet),
            source.body
        );
        fs::write(posts.join(format!("{}.md", source.slug)), page)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_a_non_empty_folder() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("x"), "x").unwrap();
        let error = write_hugo(dir.path(), &[]).unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::AlreadyExists);
        let fresh = dir.path().join("new");
        write_hugo(&fresh, &[]).unwrap();
        assert!(fresh.join("hugo.toml").is_file());
    }
}
