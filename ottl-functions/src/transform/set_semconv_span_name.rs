//! `set_semconv_span_name(semconv_version, Optional[original_span_name_attribute])`.

use ottl_core::diag::Diagnostic;
use ottl_core::function::{Args, Compiled, Function, ParamKind, Signature};
use ottl_core::model::{AnyValue, Map, Span, SpanKind, Str};
use ottl_core::text::as_string;

/// `set_semconv_span_name(semconv_version, Optional[original_span_name_attribute])` — renames
/// the span as the semantic conventions name HTTP, RPC, database and messaging spans
/// (`GET /users/{id}`, `myservice.EchoService/Echo`, `SELECT shop.orders`,
/// `publish orders`), from its kind and attributes; a span the conventions do not cover keeps
/// its name. When the name changes and `original_span_name_attribute` is given, the old name
/// is kept in that attribute (span context).
pub struct SetSemconvSpanName;

/// The semantic-conventions versions accepted.
const VERSIONS: [&str; 7] = [
    "1.37.0", "1.38.0", "1.39.0", "1.40.0", "1.41.0", "1.42.0", "1.43.0",
];

impl Function for SetSemconvSpanName {
    fn signature(&self) -> Signature {
        Signature::editor(
            "set_semconv_span_name",
            "names the span as the semantic conventions name its kind of operation",
        )
        .param("semconv_version", ParamKind::String)
        .optional("original_span_name_attribute", ParamKind::String)
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let version = args.string(0)?;
        if !VERSIONS.contains(&version.as_str()) {
            return Err(args.invalid(
                0,
                format!("unsupported semconv version: {version}, supported version: 1.37.0"),
                format!("use one of {}", VERSIONS.join(", ")),
            ));
        }
        let keep = args.optional_string(1)?;
        if keep.as_deref() == Some("") {
            return Err(args.invalid(
                1,
                "originalSpanNameAttribute cannot be an empty string",
                "name the attribute to keep the original name in, or leave it out",
            ));
        }
        let keep = keep.map(Str::from);
        Ok(Compiled::editor(move |ctx| {
            let span = ctx.span_record_mut()?;
            let Some(name) = semconv_name(span) else {
                return Ok(());
            };
            if name != span.name.as_str() {
                let original = std::mem::replace(&mut span.name, Str::from(name));
                if let Some(key) = &keep {
                    span.attributes.put(key, AnyValue::Str(original));
                }
            }
            Ok(())
        }))
    }
}

/// The conventional name of the span, if a convention covers it.
fn semconv_name(span: &Span) -> Option<String> {
    let a = &span.attributes;
    match span.kind {
        SpanKind::SERVER => http(a, "http.route")
            .or_else(|| rpc(a))
            .or_else(|| messaging(a)),
        SpanKind::CONSUMER | SpanKind::PRODUCER => messaging(a),
        SpanKind::CLIENT => http(a, "url.template")
            .or_else(|| rpc(a))
            .or_else(|| database(a))
            .or_else(|| messaging(a)),
        _ => None,
    }
}

/// The attribute `name`, or the older `alias`.
fn either<'a>(attributes: &'a Map, name: &str, alias: &str) -> Option<&'a AnyValue> {
    attributes.get(name).or_else(|| attributes.get(alias))
}

fn text(attributes: &Map, name: &str) -> Option<String> {
    attributes.get(name).map(as_string)
}

/// `{method} {route}` (HTTP).
fn http(a: &Map, subject: &str) -> Option<String> {
    let method = as_string(either(a, "http.request.method", "http.method")?);
    Some(match text(a, subject) {
        Some(subject) => format!("{method} {subject}"),
        None => method,
    })
}

/// `{service}/{method}` (RPC).
fn rpc(a: &Map) -> Option<String> {
    let system = text(a, "rpc.system")?;
    let method = either(a, "rpc.method", "rpc.grpc.method").map(as_string);
    let service = either(a, "rpc.service", "rpc.grpc.service").map(as_string);
    Some(match (service, method) {
        (Some(service), Some(method)) => format!("{service}/{method}"),
        (None, Some(method)) => method,
        (Some(service), None) => format!("{service}/*"),
        (None, None) => system,
    })
}

/// `{summary}`, or `{operation} {target}` (database).
fn database(a: &Map) -> Option<String> {
    let system = as_string(either(a, "db.system.name", "db.system")?);
    if let Some(summary) = text(a, "db.query.summary") {
        return Some(summary);
    }
    let operation = either(a, "db.operation.name", "db.operation")
        .map(as_string)
        .unwrap_or_default();
    let target = database_target(a);
    Some(match (operation.is_empty(), target.is_empty()) {
        (false, false) => format!("{operation} {target}"),
        (false, true) => operation,
        (true, false) => target,
        (true, true) => system,
    })
}

fn database_target(a: &Map) -> String {
    let namespace = either(a, "db.namespace", "db.name")
        .map(as_string)
        .unwrap_or_default();
    let within = |name: String| {
        if namespace.is_empty() {
            name
        } else {
            format!("{namespace}.{name}")
        }
    };
    if let Some(collection) = text(a, "db.collection.name") {
        return within(collection);
    }
    if let Some(procedure) = text(a, "db.stored_procedure.name") {
        return within(procedure);
    }
    if !namespace.is_empty() {
        return namespace;
    }
    server(a).unwrap_or_default()
}

/// `{address}:{port}`, or the address.
fn server(a: &Map) -> Option<String> {
    let address = text(a, "server.address")?;
    Some(match text(a, "server.port") {
        Some(port) => format!("{address}:{port}"),
        None => address,
    })
}

/// `{operation} {destination}` (messaging).
fn messaging(a: &Map) -> Option<String> {
    let system = text(a, "messaging.system")?;
    let operation = either(a, "messaging.operation.name", "messaging.operation").map(as_string);
    let destination = messaging_destination(a);
    Some(match (operation, destination.is_empty()) {
        (Some(operation), false) => format!("{operation} {destination}"),
        (_, false) => destination,
        (Some(operation), true) => operation,
        (None, true) => system,
    })
}

fn messaging_destination(a: &Map) -> String {
    let is_true = |name: &str| matches!(a.get(name), Some(AnyValue::Bool(true)));
    if is_true("messaging.destination.temporary") {
        return "(temporary)".to_owned();
    }
    if is_true("messaging.destination.anonymous") {
        return "(anonymous)".to_owned();
    }
    if let Some(template) = text(a, "messaging.destination.template") {
        return template;
    }
    if let Some(name) = either(a, "messaging.destination.name", "messaging.destination") {
        return as_string(name);
    }
    server(a).unwrap_or_default()
}
