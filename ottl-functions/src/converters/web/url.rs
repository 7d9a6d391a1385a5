//! `URL(uri)`.

use super::go_url::{self, GoUrl};
use ottl_core::RuntimeError;
use ottl_core::diag::Diagnostic;
use ottl_core::function::get;
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};
use ottl_core::model::{AnyValue, Array, Map};
use ottl_core::value::Value;
use std::borrow::Cow;

const NAME: &str = "URL";

/// `URL(uri)` — the parts of a URL under the semantic-convention keys: always `url.original`
/// (the URL written back), `url.scheme`, `url.domain` and `url.path` (decoded); `url.port` (an
/// int), `url.fragment`, `url.query`, `url.user_info`, `url.username`, `url.password` and
/// `url.extension` when there is one. Parsed as Go's `net/url.Parse` does; a text starting with
/// `?` is a bare query, returned as `{"query": {key: [values…]}}`.
pub struct Url;

impl Function for Url {
    fn signature(&self) -> Signature {
        Signature::converter(NAME, Kind::Map, "the parts of a URL, by semantic-convention key")
            .param("uri", ParamKind::Value(Kind::String))
            .example(
                r#"URL("http://www.example.com:80/foo.gif?k=v#top")["url.port"]"#,
                "80",
            )
            .example(
                r#"URL("https://user:pw@example.com/a/b.tar.gz")["url.extension"]"#,
                r#""gz""#,
            )
            .example(
                r#"URL("HTTP://example.com/a%20b")"#,
                r#"{"url.original": "http://example.com/a%20b", "url.domain": "example.com", "url.scheme": "http", "url.path": "/a b"}"#,
            )
            .example(r#"URL("?a=1&a=2")"#, r#"{"query": {"a": ["1", "2"]}}"#)
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let uri = args.get::<get::String>(0)?;
        Ok(Compiled::converter(move |ctx| {
            let text = uri.eval(ctx)?;
            parse(&text).map(|map| Value::Map(Cow::Owned(map)))
        }))
    }
}

/// The map `URL` returns for `text`.
fn parse(text: &str) -> Result<Map, RuntimeError> {
    if text.is_empty() {
        return Err(failure("url cannot be empty".to_owned()));
    }
    if let Some(query) = text.strip_prefix('?') {
        let parameters = go_url::parse_query(query).map_err(failure)?;
        let mut map = Map::new();
        if !parameters.is_empty() {
            let mut by_key = Map::with_capacity(parameters.len());
            for (key, values) in parameters {
                let values: Array = values
                    .into_iter()
                    .map(|value| AnyValue::Str(value.into()))
                    .collect();
                by_key.insert(key, AnyValue::Array(values));
            }
            map.insert("query", AnyValue::KvList(by_key));
        }
        return Ok(map);
    }
    let url = GoUrl::parse(text).map_err(failure)?;
    let mut map = Map::with_capacity(11);
    let put = |map: &mut Map, key: &str, bytes: &[u8]| {
        map.insert(key, AnyValue::Str(go_url::text(bytes).into_owned().into()));
    };
    map.insert("url.original", AnyValue::Str(url.to_string().into()));
    put(&mut map, "url.domain", url.hostname());
    map.insert("url.scheme", AnyValue::from(url.scheme.as_str()));
    put(&mut map, "url.path", &url.path);
    let port = go_url::text(url.port());
    if !port.is_empty() {
        let number = port.parse::<i64>().map_err(|_| {
            failure(format!("strconv.Atoi: parsing {port:?}: value out of range"))
        })?;
        map.insert("url.port", AnyValue::Int(number));
    }
    if !url.fragment.is_empty() {
        put(&mut map, "url.fragment", &url.fragment);
    }
    if let Some(user) = &url.user {
        map.insert("url.user_info", AnyValue::Str(user.to_escaped().into()));
        if !user.username.is_empty() {
            put(&mut map, "url.username", &user.username);
        }
        if let Some(password) = &user.password {
            put(&mut map, "url.password", password);
        }
    }
    if !url.raw_query.is_empty() {
        map.insert("url.query", AnyValue::from(url.raw_query.as_str()));
    }
    if let Some(dot) = url.path.iter().rposition(|&b| b == b'.')
        && dot + 1 < url.path.len()
    {
        put(&mut map, "url.extension", &url.path[dot + 1..]);
    }
    Ok(map)
}

fn failure(message: String) -> RuntimeError {
    RuntimeError::function(NAME, message)
}
