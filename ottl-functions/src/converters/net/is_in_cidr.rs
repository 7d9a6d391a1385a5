//! `IsInCIDR(target, networks)`.

use super::ip::{Ip, Network};
use ottl_core::diag::Diagnostic;
use ottl_core::function::get::{self, Coerce as _};
use ottl_core::function::{Args, Compiled, Function, Kind, ParamKind, Signature, ValueArg};
use ottl_core::value::Value;
use ottl_core::{RuntimeError, RuntimeErrorKind};

/// `IsInCIDR(target, networks)` — whether the IP address `target` is in one of the CIDR
/// `networks`; a target that is not an IP address is false.
pub struct IsInCidr;

const NAME: &str = "IsInCIDR";

impl Function for IsInCidr {
    fn signature(&self) -> Signature {
        Signature::converter(NAME, Kind::Bool, "whether an IP address is in one of some networks")
            .param("target", ParamKind::Value(Kind::String))
            .param("networks", ParamKind::Values(Kind::String))
            .example(
                r#"IsInCIDR("192.168.1.5", ["192.168.0.0/16", "10.0.0.0/8"])"#,
                "true",
            )
            .example(r#"IsInCIDR("195.0.2.1", ["192.0.2.0/24"])"#, "false")
            .example(r#"IsInCIDR("hello world", ["192.0.2.0/24"])"#, "false")
            .example(r#"IsInCIDR("::ffff:10.1.2.3", ["10.0.0.0/8"])"#, "true")
    }

    fn compile(&self, mut args: Args) -> Result<Compiled, Diagnostic> {
        let target = args.get::<get::String>(0)?;
        let items = args.values(1)?;
        // As the reference: a list of literals only is parsed now, and a bad one rejects the
        // statement; a list with a path or call in it is read item by item on each record.
        let literals: Option<Vec<&str>> = items
            .iter()
            .map(|item| match item {
                ValueArg::Constant(Value::Str(text)) => Some(text.as_str()),
                _ => None,
            })
            .collect();
        let networks = match literals {
            Some(texts) => {
                let mut networks = Vec::with_capacity(texts.len());
                for text in texts {
                    let Some(network) = Network::parse(text) else {
                        return Err(args.invalid(
                            1,
                            format!("invalid CIDR address: {text}"),
                            "write a network as an address, `/` and a prefix length, such as \
                             `10.0.0.0/8` or `2001:db8::/32`",
                        ));
                    };
                    networks.push(network);
                }
                Networks::Literal(networks)
            }
            None => Networks::Dynamic(items.into_iter().map(Item::new).collect()),
        };
        Ok(Compiled::converter(move |ctx| {
            let text = target.eval(ctx)?;
            let Some(ip) = Ip::parse(&text) else {
                return Ok(Value::Bool(false));
            };
            let found = match &networks {
                Networks::Literal(networks) => networks.iter().any(|n| n.contains(&ip)),
                // The reference reads the items in order and stops at the first match, so a
                // bad network after a matching one is never seen.
                Networks::Dynamic(items) => {
                    let mut found = false;
                    for item in items {
                        if item.network(ctx)?.contains(&ip) {
                            found = true;
                            break;
                        }
                    }
                    found
                }
            };
            Ok(Value::Bool(found))
        }))
    }
}

/// The networks of a call: parsed once, or read per record.
enum Networks {
    Literal(Vec<Network>),
    Dynamic(Vec<Item>),
}

/// One item of a list that is read per record; its literals are parsed once all the same, and
/// a bad literal fails only when the reference would reach it.
enum Item {
    Parsed(Network),
    Invalid(String),
    Read(ValueArg),
}

impl Item {
    fn new(item: ValueArg) -> Self {
        match item {
            ValueArg::Constant(Value::Str(text)) => match Network::parse(&text) {
                Some(network) => Item::Parsed(network),
                None => Item::Invalid(text.as_str().to_owned()),
            },
            other => Item::Read(other),
        }
    }

    fn network(&self, ctx: &ottl_core::context::TransformContext<'_>) -> Result<Network, RuntimeError> {
        match self {
            Item::Parsed(network) => Ok(*network),
            Item::Invalid(text) => Err(invalid_cidr(text)),
            Item::Read(value) => {
                let text = get::String::coerce(value.get(ctx)?)?;
                Network::parse(&text).ok_or_else(|| invalid_cidr(&text))
            }
        }
    }
}

fn invalid_cidr(text: &str) -> RuntimeError {
    RuntimeErrorKind::Function {
        function: NAME,
        message: format!("invalid CIDR address: {text}"),
    }
    .into()
}
