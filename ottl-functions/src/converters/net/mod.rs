//! Network: IP addresses, flows, check digits.

mod ip;

crate::family! {
    community_id => CommunityId,
    is_in_cidr => IsInCidr,
    is_valid_luhn => IsValidLuhn,
}
