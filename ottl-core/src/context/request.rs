//! `otelcol.*`: what the collector knows about the request a batch arrived with.

use super::Clock;
use super::paths::Field;
use crate::model::{Map, Str};
use crate::syntax::Segment;

/// The request a batch arrived with, as the `otelcol.*` paths read it (all read-only).
///
/// A host that receives batches over the network fills it in and runs programs with it
/// ([`Run::request`](crate::run::Run::request)); without one
/// (as in `ottl eval`), `otelcol.client.addr` reads nil and the maps read empty.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Request {
    /// `otelcol.client.addr`: the client's network address (`host:port`), if known.
    pub client_addr: Option<Str>,
    /// `otelcol.client.auth.attributes`: what the authenticator attached to the request.
    pub auth_attributes: Map,
    /// `otelcol.client.metadata`: the client's metadata (HTTP headers, when the receiver keeps
    /// them), each key with a list of string values.
    pub client_metadata: Map,
    /// `otelcol.grpc.metadata`: the incoming gRPC metadata, each key with a list of string
    /// values.
    pub grpc_metadata: Map,
    /// The clock `Now()` reads: the system's unless the host fixes it.
    pub clock: Clock,
}

impl Request {
    /// No request: the address is unknown and every map is empty.
    pub const NONE: Request = Request {
        client_addr: None,
        auth_attributes: Map::new(),
        client_metadata: Map::new(),
        grpc_metadata: Map::new(),
        clock: Clock::System,
    };
}

/// The request of a context without one.
pub(crate) static NO_REQUEST: Request = Request::NONE;

/// A field of the request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OtelcolField {
    ClientAddr,
    ClientAuthAttributes,
    ClientMetadata,
    GrpcMetadata,
}

/// The `otelcol.*` paths, as the segments after `otelcol`.
const PATHS: &[(&[&str], OtelcolField)] = &[
    (&["client", "addr"], OtelcolField::ClientAddr),
    (
        &["client", "auth", "attributes"],
        OtelcolField::ClientAuthAttributes,
    ),
    (&["client", "metadata"], OtelcolField::ClientMetadata),
    (&["grpc", "metadata"], OtelcolField::GrpcMetadata),
];

/// The field the segments after `otelcol.` name, the segment that names it and what follows
/// that segment; or, when they name none, every request path, for the message.
pub(super) fn resolve(segments: &[Segment]) -> Result<(Field, &Segment, &[Segment]), Vec<String>> {
    for (names, field) in PATHS {
        let Some(named) = segments.get(..names.len()) else {
            continue;
        };
        let same_names = names
            .iter()
            .zip(named)
            .all(|(name, segment)| segment.name.name == *name);
        // Keys may only follow the last segment (`otelcol.client.metadata["k"]`).
        let Some((last, inner)) = named.split_last() else {
            continue;
        };
        if same_names && inner.iter().all(|segment| segment.keys.is_empty()) {
            return Ok((Field::Otelcol(*field), last, &segments[names.len()..]));
        }
    }
    Err(PATHS
        .iter()
        .map(|(names, _)| format!("otelcol.{}", names.join(".")))
        .collect())
}
