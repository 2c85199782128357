use super::super::find::first_date;
use super::values::{language_tag, parse_date};
use super::*;

/// A page with `head` in its head and `body` in its body.
fn page(head: &str, body: &str) -> PageMeta {
    read(&format!("<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"))
}

fn date(text: &str) -> Date {
    Date::parse(text).unwrap()
}

/// The value and provenance of a field, for terse comparisons.
fn got<T: Clone>(field: &Option<Found<T>>) -> Option<(T, &'static str)> {
    field.as_ref().map(|f| (f.value.clone(), f.from))
}

#[test]
fn json_ld_news_article_gives_every_field() {
    let meta = page(
        r#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
        "headline":"Council approves the budget","datePublished":"2019-11-20T08:00:00-05:00",
        "dateModified":"2019-11-21T09:00:00-05:00","inLanguage":"en-GB",
        "author":[{"@type":"Person","name":"Ann Lee"},{"name":"Bo Chen"},"Cy Diaz"],
        "publisher":{"@type":"Organization","name":"The Courier"}}</script>
        <meta property="og:title" content="Budget approved">"#,
        "",
    );
    assert_eq!(got(&meta.title), Some(("Council approves the budget".into(), "JSON-LD article headline")));
    assert_eq!(got(&meta.published), Some((date("2019-11-20"), "JSON-LD article datePublished")));
    assert_eq!(got(&meta.modified), Some((date("2019-11-21"), "JSON-LD article dateModified")));
    assert_eq!(got(&meta.byline), Some(("Ann Lee, Bo Chen and Cy Diaz".into(), "JSON-LD author")));
    assert_eq!(got(&meta.outlet), Some(("The Courier".into(), "JSON-LD publisher name")));
    assert_eq!(got(&meta.lang), Some(("en-GB".into(), "JSON-LD inLanguage")));
    assert!(meta.is_article);
}

#[test]
fn json_ld_graph_with_references_and_type_lists() {
    let meta = page(
        r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
        {"@type":"WebSite","@id":"https://x.org/#site","name":"X"},
        {"@type":["Article","NewsArticle"],"headline":"Graph headline","datePublished":"2020-02-03",
         "author":{"@id":"https://x.org/#/person/1"},"publisher":{"@id":"https://x.org/#org"}},
        {"@type":"Person","@id":"https://x.org/#/person/1","name":"Dee Evans"},
        {"@type":"Organization","@id":"https://x.org/#org","name":"X Daily"}]}</script>"#,
        "",
    );
    assert_eq!(got(&meta.title), Some(("Graph headline".into(), "JSON-LD article headline")));
    assert_eq!(got(&meta.byline), Some(("Dee Evans".into(), "JSON-LD author")));
    assert_eq!(got(&meta.outlet), Some(("X Daily".into(), "JSON-LD publisher name")));
    assert_eq!(got(&meta.published), Some((date("2020-02-03"), "JSON-LD article datePublished")));
}

#[test]
fn json_ld_top_level_array_and_web_page_fallback() {
    let array = page(
        r#"<script type="application/ld+json">[{"@type":"BreadcrumbList"},{"@type":"http://schema.org/BlogPosting","headline":"From the array"}]</script>"#,
        "",
    );
    assert_eq!(got(&array.title), Some(("From the array".into(), "JSON-LD article headline")));
    let web_page = page(
        r#"<script type="application/ld+json">{"@type":"WebPage","headline":"Page headline"}</script><meta property="og:title" content="OG">"#,
        "",
    );
    assert_eq!(got(&web_page.title), Some(("Page headline".into(), "JSON-LD WebPage headline")));
    assert!(!web_page.is_article);
}

#[test]
fn broken_json_ld_is_skipped_and_raw_line_breaks_are_repaired() {
    let broken = page(
        r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"Broken",</script>
        <meta property="og:title" content="From Open Graph">"#,
        "",
    );
    assert_eq!(got(&broken.title), Some(("From Open Graph".into(), "og:title")));
    let line_break = page(
        "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Two\nlines\"}</script>",
        "",
    );
    assert_eq!(got(&line_break.title), Some(("Two lines".into(), "JSON-LD article headline")));
}

#[test]
fn title_falls_back_from_open_graph_to_twitter_to_h1_to_title() {
    let og = page(r#"<meta property="og:title" content="OG title"><meta name="twitter:title" content="TW">"#, "");
    assert_eq!(got(&og.title), Some(("OG title".into(), "og:title")));
    let twitter = page(r#"<meta name="twitter:title" content="Twitter title"><title>Other</title>"#, "");
    assert_eq!(got(&twitter.title), Some(("Twitter title".into(), "twitter:title")));
    let h1 = page("<title>Index</title>", "<h1>The one heading on the page</h1>");
    assert_eq!(got(&h1.title), Some(("The one heading on the page".into(), "h1")));
    let two_h1s = page("<title>The real title</title>", "<h1>Menu</h1><h1>Sign in</h1>");
    assert_eq!(got(&two_h1s.title), Some(("The real title".into(), "<title>")));
}

#[test]
fn the_visible_h1_wins_when_it_agrees_with_the_metadata() {
    let meta = page(
        r#"<meta property="og:title" content="Mayor's plan: what it means"><meta property="og:site_name" content="Gazette">"#,
        "<h1>Gazette</h1><h1>Mayor’s plan: what it means for you</h1>",
    );
    assert_eq!(got(&meta.title), Some(("Mayor’s plan: what it means for you".into(), "h1")));
    // A logo <h1> that disagrees with the metadata is not the headline.
    let logo = page(r#"<meta property="og:title" content="Rain expected all week">"#, "<h1>Weather Now</h1>");
    assert_eq!(got(&logo.title), Some(("Rain expected all week".into(), "og:title")));
}

#[test]
fn site_names_are_stripped_from_titles() {
    let suffix =
        page(r#"<title>Storm hits coast | The Herald</title><meta property="og:site_name" content="The Herald">"#, "");
    assert_eq!(suffix.title.unwrap().value, "Storm hits coast");
    let prefix =
        page(r#"<title>Herald: Storm hits coast</title><meta property="og:site_name" content="The Herald">"#, "");
    assert_eq!(prefix.title.unwrap().value, "Storm hits coast");
    let domain = page(
        r#"<title>Storm hits coast — Example News</title><link rel="canonical" href="https://www.examplenews.com/a">"#,
        "",
    );
    assert_eq!(domain.title.unwrap().value, "Storm hits coast");
    // The same split in <title> and og:title: the part they share is the headline.
    let shared =
        page(r#"<meta property="og:title" content="Storm hits coast - HRLD"><title>Storm hits coast</title>"#, "");
    assert_eq!(shared.title.unwrap().value, "Storm hits coast");
    // A colon inside the headline stays.
    let colon = page(r#"<title>Budget: the details</title><meta property="og:site_name" content="The Herald">"#, "");
    assert_eq!(colon.title.unwrap().value, "Budget: the details");
}

#[test]
fn entities_are_decoded_and_white_space_collapsed() {
    let meta = page(
        r#"<title>Q&amp;A:  &lt;b&gt; &quot;quoted&quot; &#39;single&#39; it&#x2019;s&nbsp;here &#8212; done</title>"#,
        "",
    );
    assert_eq!(meta.title.unwrap().value, "Q&A: <b> \"quoted\" 'single' it’s here — done");
    let attribute = page(r#"<meta property="og:title" content="Tom &amp; Jerry&#x27;s   day">"#, "");
    assert_eq!(attribute.title.unwrap().value, "Tom & Jerry's day");
}

#[test]
fn non_english_titles() {
    let russian = page(
        r#"<meta property="og:title" content="Путин провёл совещание по экономике — Коммерсантъ"><meta property="og:site_name" content="Коммерсантъ">"#,
        "<h1>Путин провёл совещание по экономике</h1>",
    );
    assert_eq!(got(&russian.title), Some(("Путин провёл совещание по экономике".into(), "h1")));
    let arabic = page(
        r#"<html lang="ar"><title>الحكومة تعلن خطة جديدة للنقل | الجزيرة نت</title><meta property="og:site_name" content="الجزيرة نت">"#,
        "",
    );
    assert_eq!(got(&arabic.title), Some(("الحكومة تعلن خطة جديدة للنقل".into(), "<title>")));
}

#[test]
fn publication_dates_from_each_source() {
    let cases = [
        (r#"<meta property="article:published_time" content="2019-11-20T08:00:00.000Z">"#, "article:published_time"),
        (r#"<meta name="date" content="20191120">"#, "meta name=date"),
        (r#"<meta name="pubdate" content="2019/11/20">"#, "meta name=pubdate"),
        (r#"<meta name="DC.date.issued" content="Nov 20, 2019">"#, "meta name=dc.date.issued"),
        (r#"<meta name="sailthru.date" content="2019-11-20 08:00:00">"#, "meta name=sailthru.date"),
        (r#"<meta name="parsely-pub-date" content="2019-11-20T08:00:00Z">"#, "meta name=parsely-pub-date"),
        (r#"<meta itemprop="datePublished" content="2019-11-20">"#, "meta itemprop=datePublished"),
    ];
    for (head, from) in cases {
        assert_eq!(got(&page(head, "").published), Some((date("2019-11-20"), from)), "{head}");
    }
    let span = page("", r#"<span itemprop="datePublished" content="2019-11-20"></span>"#);
    assert_eq!(got(&span.published), Some((date("2019-11-20"), "meta itemprop=datePublished")));
    let time = page("", r#"<time datetime="2019-11-20T10:00:00+01:00">Wednesday</time>"#);
    assert_eq!(got(&time.published), Some((date("2019-11-20"), "time datetime")));
}

#[test]
fn the_modified_date_is_never_the_publication_date() {
    let meta = page(r#"<meta property="article:modified_time" content="2019-11-21T10:00:00Z">"#, "");
    assert_eq!(got(&meta.modified), Some((date("2019-11-21"), "article:modified_time")));
    assert_eq!(meta.published, None);
}

#[test]
fn the_date_shown_under_the_headline() {
    let shown = page(
        "<title>Teachers rally</title>",
        "<h1>Teachers rally</h1><p>By Al Fox</p><p>Published 11:34 PM EST Nov 19, 2019</p>",
    );
    assert_eq!(got(&shown.published), Some((date("2019-11-19"), "date shown near the h1")));
    // A UTC stamp after midnight is the evening before where the outlet is.
    let utc = page(
        r#"<meta property="article:published_time" content="2019-11-20T04:26:47Z">"#,
        "<h1>Late game</h1><p>11:26 pm EST, Tuesday, November 19, 2019</p>",
    );
    assert_eq!(utc.published.unwrap().value, date("2019-11-19"));
    // A stamp with the outlet's own zone is its date, whatever the page shows.
    let zoned = page(
        r#"<meta property="article:published_time" content="2018-09-15T10:15:48+02:00">"#,
        "<h1>Festival</h1><p>By admin - 2018-09-16</p>",
    );
    assert_eq!(zoned.published.unwrap().value, date("2018-09-15"));
    // One UTC stamp among the sources is enough (some give the UTC time with a local zone)…
    let mixed = page(
        r#"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2019-11-20T04:31:13-06:00"}</script>
        <meta property="article:published_time" content="2019-11-20T04:31:13+00:00">"#,
        "<h1>Wagon</h1><p>Chris Davies - Nov 19, 2019, 10:31 pm CST</p>",
    );
    assert_eq!(mixed.published.unwrap().value, date("2019-11-19"));
    // …but no zone news sites are in makes 11:30 UTC the next day.
    let issue = page(
        r#"<meta property="article:published_time" content="2019-11-19T11:30:42+00:00">"#,
        "<p>Nov. 20, 2019 issue</p><h1>The Clock</h1>",
    );
    assert_eq!(issue.published.unwrap().value, date("2019-11-19"));
}

#[test]
fn bylines_from_meta_tags() {
    let meta = page(
        r#"<meta property="article:author" content="https://facebook.com/ann"><meta name="author" content="By Ann Lee and Bo Chen">"#,
        "",
    );
    assert_eq!(got(&meta.byline), Some(("Ann Lee and Bo Chen".into(), "meta name=author")));
    let url_only = page(r#"<meta property="article:author" content="https://facebook.com/ann">"#, "");
    assert_eq!(url_only.byline, None);
}

#[test]
fn outlet_falls_back_to_site_name_then_application_name() {
    let og =
        page(r#"<meta name="application-name" content="App"><meta property="og:site_name" content="The Site">"#, "");
    assert_eq!(got(&og.outlet), Some(("The Site".into(), "og:site_name")));
    let app =
        page(r#"<meta property="og:site_name" content="@handle"><meta name="application-name" content="App">"#, "");
    assert_eq!(got(&app.outlet), Some(("App".into(), "meta name=application-name")));
}

#[test]
fn canonical_urls_must_be_absolute() {
    let link = page(
        r#"<link rel="canonical" href="https://a.com/x?a=1&amp;b=2"><meta property="og:url" content="https://a.com/y">"#,
        "",
    );
    assert_eq!(got(&link.canonical), Some(("https://a.com/x?a=1&b=2".into(), "link rel=canonical")));
    let relative =
        page(r#"<link rel="canonical" href="/news/x"><meta property="og:url" content="http://a.com/x">"#, "");
    assert_eq!(got(&relative.canonical), Some(("http://a.com/x".into(), "og:url")));
    let none = page(r#"<link rel="canonical" href="//a.com/x">"#, "");
    assert_eq!(none.canonical, None);
}

#[test]
fn languages_are_normalised() {
    assert_eq!(got(&read(r#"<html lang="EN-us"><p>x</p></html>"#).lang), Some(("en-US".into(), "html lang")));
    assert_eq!(
        got(&page(r#"<meta property="og:locale" content="pt_BR">"#, "").lang),
        Some(("pt-BR".into(), "og:locale"))
    );
    let header = page(r#"<meta http-equiv="Content-Language" content="de">"#, "");
    assert_eq!(got(&header.lang), Some(("de".into(), "meta http-equiv=content-language")));
    assert_eq!(language_tag("zh-hant-tw"), Some("zh-Hant-TW".into()));
    assert_eq!(language_tag("english"), None);
}

#[test]
fn descriptions_and_article_hints() {
    let meta = page(r#"<meta name="description" content="Plain"><meta property="og:type" content="article">"#, "");
    assert_eq!(got(&meta.description), Some(("Plain".into(), "meta name=description")));
    assert!(meta.is_article);
    assert_eq!(read(""), PageMeta::default());
}

#[test]
fn date_shapes() {
    for text in ["2019-11-20", "2019-11-20T08:00:00.000Z", "2019-11-20T08:00:00+09:00", "20191120", "2019/11/20"] {
        assert_eq!(parse_date(text), Some(date("2019-11-20")), "{text}");
    }
    for text in ["Nov 20, 2019", "Wednesday, November 20th, 2019", "20. November 2019", "20 NOV 2019 08:00 GMT"] {
        assert_eq!(first_date(text), Some(date("2019-11-20")), "{text}");
    }
    assert_eq!(parse_date("2019-02-30"), None);
    assert_eq!(first_date("since 1965, 15 meetings"), None);
}
