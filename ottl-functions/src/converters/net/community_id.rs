//! `CommunityID(source_ip, source_port, destination_ip, destination_port, [protocol], [seed])`.

use super::ip::Ip;
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use ottl_core::context::TransformContext;
use ottl_core::diag::Diagnostic;
use ottl_core::function::get::{self, Typed};
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature};
use ottl_core::value::Value;
use ottl_core::RuntimeError;
use sha1::{Digest as _, Sha1};

/// `CommunityID(source_ip, source_port, destination_ip, destination_port, [protocol], [seed])`
/// — the Community ID v1 of a network flow: `1:` and the base64 SHA-1 of the seed, the
/// endpoints in a canonical order and the protocol, so both directions get the same ID.
pub struct CommunityId;

const NAME: &str = "CommunityID";

impl Function for CommunityId {
    fn signature(&self) -> Signature {
        Signature::converter(NAME, Kind::String, "the Community ID v1 hash of a network flow")
            .param("source_ip", ParamKind::Value(Kind::String))
            .param("source_port", ParamKind::Value(Kind::Int))
            .param("destination_ip", ParamKind::Value(Kind::String))
            .param("destination_port", ParamKind::Value(Kind::Int))
            .optional("protocol", ParamKind::Value(Kind::String))
            .optional("seed", ParamKind::Value(Kind::Int))
            .example(
                r#"CommunityID("1.2.3.4", 12345, "5.6.7.8", 80, "TCP", 0)"#,
                r#""1:0by3b/tE95hcOzccyt6d4kjgbZc=""#,
            )
            .example(
                r#"CommunityID("5.6.7.8", 80, "1.2.3.4", 12345)"#,
                r#""1:0by3b/tE95hcOzccyt6d4kjgbZc=""#,
            )
            .example(
                r#"CommunityID("192.168.1.1", 53, "10.10.10.10", 53000, "UDP")"#,
                r#""1:gQ05/45srnixHs8V/2ejpkxhBwg=""#,
            )
            .example(
                r#"CommunityID("192.168.1.1", 12345, "192.168.1.2", 80, "TCP", 1234)"#,
                r#""1:v1n8p4IZW9jXIJnFANLbRU2ahdU=""#,
            )
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let source = Endpoint {
            ip: args.get::<get::String>(0)?,
            port: args.get::<get::Int>(1)?,
            name: "source",
        };
        let destination = Endpoint {
            ip: args.get::<get::String>(2)?,
            port: args.get::<get::Int>(3)?,
            name: "destination",
        };
        let protocol = args.optional::<get::String>(4)?;
        let seed = args.optional::<get::Int>(5)?;
        // The reference accepts these literals and fails on every record; say so now.
        if let Some(name) = protocol.as_ref().and_then(Typed::constant)
            && protocol_number(&name).is_none()
        {
            args.warn(
                4,
                format!("unsupported protocol: {}", name.as_str()),
                "use one of ICMP, TCP, UDP, RSVP, ICMP6, SCTP (in capitals)",
            );
        }
        if let Some(number) = seed.as_ref().and_then(Typed::constant)
            && u16::try_from(number).is_err()
        {
            args.warn(
                5,
                format!("seed must be between 0 and 65535, got {number}"),
                "use a seed from 0 to 65535",
            );
        }
        Ok(Compiled::converter(move |ctx| {
            let (source_ip, source_port) = source.read(ctx)?;
            let (destination_ip, destination_port) = destination.read(ctx)?;
            let protocol = match &protocol {
                None => TCP,
                Some(protocol) => {
                    let name = protocol.eval(ctx).map_err(|e| wrap("protocol", e))?;
                    protocol_number(&name).ok_or_else(|| {
                        failure(format!("unsupported protocol: {}", name.as_str()))
                    })?
                }
            };
            let seed = match &seed {
                None => 0,
                Some(seed) => {
                    let number = seed.eval(ctx).map_err(|e| wrap("seed", e))?;
                    u16::try_from(number).map_err(|_| {
                        failure(format!("seed must be between 0 and 65535, got {number}"))
                    })?
                }
            };
            let flow = Flow {
                source: (source_ip, source_port),
                destination: (destination_ip, destination_port),
                protocol,
                seed,
            };
            let mut buffer = [0u8; 30];
            Ok(Value::string(flow.community_id(&mut buffer)))
        }))
    }
}

/// TCP's protocol number, the default.
const TCP: u8 = 6;

/// The protocol numbers the reference knows, by their names (exact, in capitals).
fn protocol_number(name: &str) -> Option<u8> {
    Some(match name {
        "ICMP" => 1,
        "TCP" => TCP,
        "UDP" => 17,
        "RSVP" => 46,
        "ICMP6" => 58,
        "SCTP" => 132,
        _ => return None,
    })
}

/// An IP argument and a port argument, read together as the reference reads them.
struct Endpoint {
    ip: Typed<get::String>,
    port: Typed<get::Int>,
    name: &'static str,
}

impl Endpoint {
    /// The address and port; the port is checked before the address is parsed.
    fn read(&self, ctx: &TransformContext<'_>) -> Result<(Ip, u16), RuntimeError> {
        let name = self.name;
        let text = self.ip.eval(ctx).map_err(|e| wrap_ip(name, e))?;
        let port = self.port.eval(ctx).map_err(|e| wrap_port(name, e))?;
        let port = u16::try_from(port).map_err(|_| {
            failure(format!("{name} port must be between 0 and 65535, got {port}"))
        })?;
        let ip = Ip::parse(&text)
            .ok_or_else(|| failure(format!("invalid {name} IP: {}", text.as_str())))?;
        Ok((ip, port))
    }
}

/// What the Community ID hashes.
struct Flow {
    source: (Ip, u16),
    destination: (Ip, u16),
    protocol: u8,
    seed: u16,
}

impl Flow {
    /// `1:` and the base64 SHA-1 of the flow tuple, written into `buffer`.
    fn community_id<'b>(&self, buffer: &'b mut [u8; 30]) -> &'b str {
        // Lower endpoint first: a shorter (IPv4) address, else the smaller address bytes,
        // else the smaller port.
        let (a, b) = (&self.source, &self.destination);
        let swap = match a.0.bytes().len().cmp(&b.0.bytes().len()) {
            std::cmp::Ordering::Equal => match a.0.bytes().cmp(b.0.bytes()) {
                std::cmp::Ordering::Equal => a.1 > b.1,
                order => order.is_gt(),
            },
            order => order.is_gt(),
        };
        let (low, high) = if swap { (b, a) } else { (a, b) };
        // seed (2) ‖ low ip ‖ high ip ‖ protocol ‖ 0 ‖ low port (2) ‖ high port (2)
        let mut tuple = [0u8; 2 + 16 + 16 + 2 + 4];
        let mut len = 0;
        for part in [
            &self.seed.to_be_bytes()[..],
            low.0.bytes(),
            high.0.bytes(),
            &[self.protocol, 0],
            &low.1.to_be_bytes(),
            &high.1.to_be_bytes(),
        ] {
            tuple[len..len + part.len()].copy_from_slice(part);
            len += part.len();
        }
        let digest = Sha1::digest(&tuple[..len]);
        buffer[..2].copy_from_slice(b"1:");
        // 20 bytes are 28 base64 characters: they fit, so this never fails.
        let written = STANDARD
            .encode_slice(digest, &mut buffer[2..])
            .unwrap_or_default();
        std::str::from_utf8(&buffer[..2 + written]).unwrap_or_default()
    }
}

fn failure(message: String) -> RuntimeError {
    RuntimeError::function(NAME, message)
}

/// A getter's error with what was being read, as the reference words it.
fn wrap(what: &str, error: RuntimeError) -> RuntimeError {
    failure(format!("failed to get {what}: {error}"))
}

fn wrap_ip(endpoint: &str, error: RuntimeError) -> RuntimeError {
    failure(format!("failed to get {endpoint} IP: {error}"))
}

fn wrap_port(endpoint: &str, error: RuntimeError) -> RuntimeError {
    failure(format!("failed to get {endpoint} port: {error}"))
}

#[cfg(test)]
mod tests {
    use super::{Flow, Ip};

    fn id(source: (&str, u16), destination: (&str, u16), protocol: u8, seed: u16) -> String {
        let flow = Flow {
            source: (Ip::parse(source.0).expect("valid"), source.1),
            destination: (Ip::parse(destination.0).expect("valid"), destination.1),
            protocol,
            seed,
        };
        flow.community_id(&mut [0; 30]).to_owned()
    }

    /// Expected values from the reference's `func_community_id_test.go` `TestCommunityID`.
    #[test]
    fn reference_test_vectors() {
        let cases = [
            (("10.10.10.10", 53000), ("192.168.1.1", 53), 1, 0, "1:9TGPWejPFuBlKrHuVcM3iaA8hf8="),
            (("10.10.10.10", 53), ("192.168.1.1", 53000), 46, 0, "1:rkXhRghBvx2yf3zgDnSHuJ35XaY="),
            (("192.168.1.1", 53), ("10.10.10.10", 53000), 58, 0, "1:bchQ2SAoVf2Iq1XdGBXObLJ2i64="),
            (("192.168.1.1", 53), ("10.10.10.10", 53000), 132, 0, "1:zo1kfEyhghMaeU7tQDCE2G+ITQc="),
            (("2001:db8::1", 8080), ("2001:db8::2", 443), 6, 0, "1:c5m26SNBLmvfaBQJNWKXZwUGGcM="),
            (("10.0.0.2", 80), ("10.0.0.1", 12345), 6, 0, "1:CpuULklTENbGdRpvp7gNcQd5ZqA="),
            (("127.0.0.1", 8080), ("127.0.0.1", 8080), 6, 0, "1:sG2vk7rcZ12ZxPg+nnwljgdVEGw="),
            (("2001:db8::1", 8080), ("10.1.1.1", 443), 6, 0, "1:T1e3va6jTSWaSKkG3k4dnZq5VM8="),
            (("10.1.1.1", 8080), ("10.1.1.2", 8079), 6, 0, "1:1fjNfFLjLTsO2WE9AY0TbTeSaBs="),
            (("10.1.1.2", 8079), ("10.1.1.1", 8080), 6, 0, "1:1fjNfFLjLTsO2WE9AY0TbTeSaBs="),
            (("10.1.1.2", 8081), ("10.1.1.2", 8080), 6, 0, "1:3byUvmBpOu8KHoTRr4eN5AjTQEU="),
            (("10.1.1.2", 8080), ("10.1.1.2", 8081), 6, 0, "1:3byUvmBpOu8KHoTRr4eN5AjTQEU="),
        ];
        for (source, destination, protocol, seed, expected) in cases {
            assert_eq!(id(source, destination, protocol, seed), expected, "{source:?} {destination:?}");
        }
    }
}
