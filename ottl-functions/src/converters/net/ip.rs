//! IP addresses and networks as the reference's Go `net` package reads them.
//!
//! `net.ParseIP` and `net.ParseCIDR` both parse with `netip.ParseAddr` and reject zones
//! (`fe80::1%eth0`); that grammar is exactly `std::net`'s (dotted quads without leading zeros,
//! up to four hex digits a group, one `::`, a trailing dotted quad), so no crate is needed. What
//! is Go's own is how families meet: an IPv4-mapped IPv6 address (`::ffff:1.2.3.4`) *is* the IPv4
//! address, and a network compares only with addresses of its family.

use std::net::IpAddr;

/// An address as Go's `IP.To4` sees it: IPv4 (an IPv4-mapped IPv6 address included) or IPv6.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ip {
    /// Four bytes.
    V4([u8; 4]),
    /// Sixteen bytes, not an IPv4-mapped address.
    V6([u8; 16]),
}

impl Ip {
    /// Parses `text` as Go's `net.ParseIP` does; `None` where Go returns nil.
    pub(crate) fn parse(text: &str) -> Option<Self> {
        Some(match text.parse::<IpAddr>().ok()? {
            IpAddr::V4(v4) => Ip::V4(v4.octets()),
            IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
                Some(v4) => Ip::V4(v4.octets()),
                None => Ip::V6(v6.octets()),
            },
        })
    }

    /// The address's bytes: 4 for IPv4, 16 for IPv6 (Go's `To4`, else `To16`).
    pub(crate) fn bytes(&self) -> &[u8] {
        match self {
            Ip::V4(bytes) => bytes,
            Ip::V6(bytes) => bytes,
        }
    }
}

/// A network as Go's `IPNet.Contains` compares it: the network number already masked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Network {
    /// An IPv4 network, or an IPv6 one of prefix 96 or more inside `::ffff:0:0/96`.
    V4 { number: u32, mask: u32 },
    /// Any other IPv6 network.
    V6 { number: u128, mask: u128 },
}

impl Network {
    /// Parses `text` as Go's `net.ParseCIDR` does: an address without a zone, `/`, and a prefix
    /// length of decimal digits (leading zeros allowed) no longer than the address.
    pub(crate) fn parse(text: &str) -> Option<Self> {
        let (address, prefix) = text.split_once('/')?;
        let address = address.parse::<IpAddr>().ok()?;
        let bits = match address {
            IpAddr::V4(_) => 32,
            IpAddr::V6(_) => 128,
        };
        let prefix = prefix_length(prefix).filter(|&length| length <= bits)?;
        Some(match address {
            IpAddr::V4(v4) => {
                let mask = u32::MAX.checked_shl(32 - prefix).unwrap_or(0);
                Network::V4 {
                    number: u32::from(v4) & mask,
                    mask,
                }
            }
            IpAddr::V6(v6) => {
                let mask = u128::MAX.checked_shl(128 - prefix).unwrap_or(0);
                let number = u128::from(v6) & mask;
                // Go keeps the masked number's 16 bytes; `IPNet.Contains` then reads an
                // IPv4-mapped number as IPv4, with the mask's last four bytes.
                const MAPPED: u128 = 0xffff << 32;
                if number >> 32 == MAPPED >> 32 {
                    Network::V4 {
                        number: number as u32,
                        mask: mask as u32,
                    }
                } else {
                    Network::V6 { number, mask }
                }
            }
        })
    }

    /// Whether `ip` is in the network; an address of the other family never is.
    pub(crate) fn contains(&self, ip: &Ip) -> bool {
        match (self, ip) {
            (Network::V4 { number, mask }, Ip::V4(bytes)) => {
                u32::from_be_bytes(*bytes) & mask == *number
            }
            (Network::V6 { number, mask }, Ip::V6(bytes)) => {
                u128::from_be_bytes(*bytes) & mask == *number
            }
            _ => false,
        }
    }
}

/// A prefix length as Go's `dtoi` reads it: one or more ASCII digits, nothing else, below
/// 0xFFFFFF.
fn prefix_length(text: &str) -> Option<u32> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut value: u32 = 0;
    for digit in text.bytes() {
        value = value * 10 + u32::from(digit - b'0');
        if value >= 0xFF_FFFF {
            return None;
        }
    }
    Some(value)
}

#[cfg(test)]
mod tests {
    use super::{Ip, Network};

    /// `(text, Go's net.ParseIP(text) != nil)`, checked with Go 1.27.
    const ADDRESSES: &[(&str, bool)] = &[
        ("192.168.1.1", true),
        ("0.0.0.0", true),
        ("255.255.255.255", true),
        ("256.1.1.1", false),
        ("01.2.3.4", false),
        ("1.2.3", false),
        ("1.2.3.4.5", false),
        (" 1.2.3.4", false),
        ("1.2.3.4 ", false),
        ("::", true),
        ("::1", true),
        ("2001:DB8::1", true),
        ("2001:db8::00001", false),
        ("::ffff:1.2.3.4", true),
        ("::1.2.3.4", true),
        ("1:2:3:4:5:6:1.2.3.4", true),
        ("1:2:3:4:5:6:7:1.2.3.4", false),
        ("1::2:3:4:5:6:7:8", false),
        ("fe80::1%eth0", false),
        ("[::1]", false),
        ("", false),
        ("hello world", false),
    ];

    #[test]
    fn addresses_parse_as_go_parses_them() {
        for &(text, valid) in ADDRESSES {
            assert_eq!(Ip::parse(text).is_some(), valid, "{text:?}");
        }
    }

    #[test]
    fn mapped_addresses_are_ipv4() {
        assert_eq!(Ip::parse("::ffff:10.0.0.1"), Some(Ip::V4([10, 0, 0, 1])));
        assert!(matches!(Ip::parse("::10.0.0.1"), Some(Ip::V6(_))));
    }

    /// `(network, address, Go's IPNet.Contains)`, or `None` where Go's `net.ParseCIDR` fails;
    /// checked with Go 1.27.
    const CONTAINS: &[(&str, &str, Option<bool>)] = &[
        ("192.168.0.0/16", "192.168.1.5", Some(true)),
        ("192.168.1.5/16", "192.168.200.1", Some(true)),
        ("10.0.0.0/8", "11.0.0.1", Some(false)),
        ("0.0.0.0/0", "1.2.3.4", Some(true)),
        ("0.0.0.0/0", "::ffff:1.2.3.4", Some(true)),
        ("0.0.0.0/0", "2001:db8::1", Some(false)),
        ("10.0.0.1/32", "10.0.0.1", Some(true)),
        ("10.0.0.0/008", "10.1.1.1", Some(true)),
        ("::/0", "1.2.3.4", Some(false)),
        ("::/0", "2001:db8::1", Some(true)),
        ("::ffff:0:0/96", "1.2.3.4", Some(true)),
        ("::ffff:10.0.0.0/104", "10.9.9.9", Some(true)),
        ("::ffff:10.0.0.0/104", "11.9.9.9", Some(false)),
        ("::ffff:0:0/95", "1.2.3.4", Some(false)),
        ("::ffff:0:0/80", "::1", Some(true)),
        ("2001:db8::/32", "2001:db8:1::1", Some(true)),
        ("2001:db8::/32", "2001:db9::1", Some(false)),
        ("192.0.2/24", "192.0.2.1", None),
        ("10.0.0.0/33", "10.0.0.1", None),
        ("10.0.0.0", "10.0.0.1", None),
        ("10.0.0.0/", "10.0.0.1", None),
        ("10.0.0.0/+8", "10.0.0.1", None),
        ("10.0.0.0/8/8", "10.0.0.1", None),
        ("10.0.0.0/ 8", "10.0.0.1", None),
        ("fe80::%eth0/64", "fe80::1", None),
        ("::/129", "::1", None),
        ("010.0.0.0/8", "10.0.0.1", None),
    ];

    #[test]
    fn networks_contain_as_go_decides() {
        for &(network, address, expected) in CONTAINS {
            let ip = Ip::parse(address).expect("test addresses are valid");
            let found = Network::parse(network).map(|n| n.contains(&ip));
            assert_eq!(found, expected, "{network} ∋ {address}");
        }
    }
}
