//! [`Map`], the ordered attribute map, and [`KeyValue`], one of its entries.

use std::borrow::Cow;
use std::hash::BuildHasher;
use std::sync::LazyLock;
use std::sync::atomic::{AtomicU32, Ordering};

use foldhash::fast::SeedableRandomState;
use hashbrown::HashTable;

use super::value::drop_iteratively;
use super::{AnyValue, Str};

/// Maps with more entries than this get a hash index; smaller ones are searched linearly.
///
/// Measured with attribute-like keys (`docs/ARCHITECTURE.md`): a linear lookup costs 3.8 ns at
/// 4 entries, 8.6 ns at 16 and 24 ns at 32, against 5–9 ns for a hashed one; but the index costs
/// 20–30 ns per key to build, about 1 µs at 32 entries, which pays back only after dozens of
/// lookups. A record's attributes rarely see that many, and a transform that grows them past
/// 16 (the benchmark's P8 adds 10 to 10) would pay for an index it never uses.
pub const INDEX_THRESHOLD: usize = 32;

/// The hasher of every map's index: seeded at random once per process (so inputs can't be
/// crafted to collide), and shared so that a key known before any record — a statement's
/// `attributes["k"]` — is hashed once, as a [`MapKey`], not on every lookup.
static HASHER: LazyLock<SeedableRandomState> = LazyLock::new(SeedableRandomState::random);

fn hash(key: &str) -> u64 {
    HASHER.hash_one(key)
}

/// A key with its hash computed once, for a lookup repeated on many maps.
///
/// It also remembers where it was last found in an indexed map: records of one source tend to
/// hold their attributes in one order, so the next map usually has the key at the same place,
/// and one comparison there saves the index's probe (three dependent memory reads in a large
/// map, the bulk of a lookup's cost). The guess is always checked against the key, and is only
/// taken in maps whose index has seen no repeated key, where the first match is the only one.
#[derive(Debug)]
pub struct MapKey {
    key: Str,
    hash: u64,
    last_position: AtomicU32,
}

impl Clone for MapKey {
    fn clone(&self) -> Self {
        Self {
            key: self.key.clone(),
            hash: self.hash,
            last_position: AtomicU32::new(self.last_position.load(Ordering::Relaxed)),
        }
    }
}

impl PartialEq for MapKey {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
    }
}

impl Eq for MapKey {}

impl MapKey {
    /// Hashes `key`.
    pub fn new(key: impl Into<Str>) -> Self {
        let key = key.into();
        let hash = hash(&key);
        Self {
            key,
            hash,
            last_position: AtomicU32::new(0),
        }
    }

    /// The key.
    pub fn key(&self) -> &Str {
        &self.key
    }
}

/// One entry of a [`Map`]: an OTLP `KeyValue`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct KeyValue {
    /// The key.
    pub key: Str,
    /// The value.
    pub value: AnyValue,
}

impl KeyValue {
    /// An entry from anything that converts into a key and a value.
    pub fn new(key: impl Into<Str>, value: impl Into<AnyValue>) -> Self {
        Self {
            key: key.into(),
            value: value.into(),
        }
    }
}

/// Attributes: key/value pairs in insertion order, with the semantics of pdata's `Map`.
///
/// Keys are unique when the map is built through [`Map::insert`]: inserting an existing key
/// replaces its value in place. A map decoded from OTLP keeps duplicate keys as pdata does, and
/// lookups then see the first one. Lookups are linear up to [`INDEX_THRESHOLD`] entries and go
/// through a hash index above it; the representation is not part of the API.
#[derive(Default)]
pub struct Map {
    entries: Vec<KeyValue>,
    index: Option<Box<Index>>,
}

/// Room a cloned map keeps for new entries.
const CLONE_SPARE: usize = 2;

impl Clone for Map {
    /// A copy with room for a few more entries: maps are copied to be edited (a record cloned
    /// for a transform, a map value set into an attribute), and statements mostly add keys, so
    /// the copy's one allocation saves the edit a reallocation.
    fn clone(&self) -> Self {
        let mut entries = Vec::new();
        if !self.entries.is_empty() {
            entries.reserve_exact(self.entries.len() + CLONE_SPARE);
            entries.extend_from_slice(&self.entries);
        }
        Self {
            entries,
            index: self.index.clone(),
        }
    }
}

#[derive(Clone)]
struct Index {
    table: HashTable<u32>,
    /// Whether some key occurs more than once in the entries (decoded input may repeat one).
    repeated_keys: bool,
}

impl Index {
    fn build(entries: &[KeyValue]) -> Box<Self> {
        let mut index = Box::new(Self {
            table: HashTable::with_capacity(entries.len()),
            repeated_keys: false,
        });
        for position in 0..entries.len() {
            index.add(entries, position);
        }
        index
    }

    /// Records `entries[position]` unless an earlier entry has the same key.
    fn add(&mut self, entries: &[KeyValue], position: usize) {
        let key = entries[position].key.as_str();
        let hash = hash(key);
        if self
            .table
            .find(hash, |&p| entries[p as usize].key == *key)
            .is_some()
        {
            self.repeated_keys = true;
            return;
        }
        // Positions fit in u32: a map of 4 billion entries would not fit in memory first.
        let slot = u32::try_from(position).unwrap_or(u32::MAX);
        self.table
            .insert_unique(hash, slot, |&p| self::hash(&entries[p as usize].key));
    }

    fn find(&self, entries: &[KeyValue], key: &str, hash: u64) -> Option<usize> {
        self.table
            .find(hash, |&p| entries[p as usize].key == *key)
            .map(|&p| p as usize)
    }
}

impl Map {
    /// An empty map.
    pub const fn new() -> Self {
        Self {
            entries: Vec::new(),
            index: None,
        }
    }

    /// An empty map with room for `capacity` entries.
    pub fn with_capacity(capacity: usize) -> Self {
        Self {
            entries: Vec::with_capacity(capacity),
            index: None,
        }
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the map has no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entries in order.
    pub fn entries(&self) -> &[KeyValue] {
        &self.entries
    }

    fn position(&self, key: &str) -> Option<usize> {
        match &self.index {
            Some(index) => index.find(&self.entries, key, hash(key)),
            None => self.entries.iter().position(|entry| entry.key == *key),
        }
    }

    /// Where a hashed key is: at its last position if it is there (see [`MapKey`]).
    fn position_of(&self, key: &MapKey) -> Option<usize> {
        let Some(index) = &self.index else {
            return self.entries.iter().position(|entry| entry.key == key.key);
        };
        if !index.repeated_keys {
            let last = key.last_position.load(Ordering::Relaxed) as usize;
            if self
                .entries
                .get(last)
                .is_some_and(|entry| entry.key == key.key)
            {
                return Some(last);
            }
        }
        let found = index.find(&self.entries, &key.key, key.hash);
        if let Some(position) = found {
            // Positions of an indexed map fit in u32 (see `Index::add`).
            key.last_position
                .store(u32::try_from(position).unwrap_or(0), Ordering::Relaxed);
        }
        found
    }

    /// The value under a hashed key.
    pub fn get_key(&self, key: &MapKey) -> Option<&AnyValue> {
        self.position_of(key).map(|p| &self.entries[p].value)
    }

    /// Whether an entry has this hashed key.
    pub fn contains_map_key(&self, key: &MapKey) -> bool {
        self.position_of(key).is_some()
    }

    /// Sets a hashed key to `value` like [`Map::put`].
    pub fn put_key(&mut self, key: &MapKey, value: AnyValue) {
        match self.position_of(key) {
            Some(p) => self.entries[p].value = value,
            None => self.push(KeyValue {
                key: key.key.clone(),
                value,
            }),
        }
    }

    /// The value under `key`.
    pub fn get(&self, key: &str) -> Option<&AnyValue> {
        self.position(key).map(|p| &self.entries[p].value)
    }

    /// The value under `key`, to change in place.
    pub fn get_mut(&mut self, key: &str) -> Option<&mut AnyValue> {
        self.position(key).map(|p| &mut self.entries[p].value)
    }

    /// Whether an entry has this key.
    pub fn contains_key(&self, key: &str) -> bool {
        self.position(key).is_some()
    }

    /// Sets `key` to `value`: replaces the value in place if the key exists (returning the old
    /// value), appends a new entry otherwise.
    pub fn insert(&mut self, key: impl Into<Str>, value: AnyValue) -> Option<AnyValue> {
        let key = key.into();
        match self.position(&key) {
            Some(p) => Some(std::mem::replace(&mut self.entries[p].value, value)),
            None => {
                self.push(KeyValue { key, value });
                None
            }
        }
    }

    /// Sets `key` to `value` like [`Map::insert`], cloning the key only when it is new (for
    /// keys held by compiled statements and written into many records).
    pub fn put(&mut self, key: &Str, value: AnyValue) {
        match self.position(key) {
            Some(p) => self.entries[p].value = value,
            None => self.push(KeyValue {
                key: key.clone(),
                value,
            }),
        }
    }

    /// Copies the entries of `source` into the map in order, as `strategy` says: a key the map
    /// has gets the new value under [`Merge::Update`] and [`Merge::Upsert`], a key it lacks is
    /// appended under [`Merge::Insert`] and [`Merge::Upsert`]. A borrowed source's entries are
    /// cloned only when they are taken.
    ///
    /// Merging many keys into a small map would search the whole map once per key, usually to
    /// find the key missing. A 64-bit summary of the map's keys (one bit per key, chosen by its
    /// length and its first and last bytes) rules most of those searches out, and when every
    /// key is new, the entries are appended in one copy.
    pub fn merge(&mut self, source: Cow<'_, Map>, strategy: Merge) {
        if strategy != Merge::Update {
            // At most every entry is new: one exact reallocation instead of doublings.
            self.entries.reserve_exact(source.len());
        }
        let mut present = match self.index {
            Some(_) => u64::MAX,
            None => self.keys().fold(0, |bits, key| bits | key_bit(key)),
        };
        if self.index.is_none() && strategy != Merge::Update && self.all_new(present, &source) {
            match source {
                Cow::Borrowed(source) => self.entries.extend_from_slice(&source.entries),
                Cow::Owned(mut source) => self.entries.append(&mut source.entries),
            }
            self.reindex();
            return;
        }
        let mut one = |entry: Cow<'_, KeyValue>| {
            let bit = key_bit(&entry.key);
            let position = match present & bit {
                0 => None,
                _ => self.position(&entry.key),
            };
            match (position, strategy) {
                (Some(p), Merge::Update | Merge::Upsert) => {
                    self.entries[p].value = match entry {
                        Cow::Borrowed(entry) => entry.value.clone(),
                        Cow::Owned(entry) => entry.value,
                    };
                }
                (None, Merge::Insert | Merge::Upsert) => {
                    present |= bit;
                    self.push(entry.into_owned());
                }
                _ => {}
            }
        };
        match source {
            Cow::Borrowed(source) => source.entries.iter().map(Cow::Borrowed).for_each(&mut one),
            Cow::Owned(source) => source
                .into_entries()
                .into_iter()
                .map(Cow::Owned)
                .for_each(one),
        }
    }

    /// Whether every key of `source` occurs once there and is absent from the map, whose keys
    /// OR-ed together make `present`. Only keys whose bit is already set are searched.
    fn all_new(&self, present: u64, source: &Map) -> bool {
        !source.repeats_a_key()
            && source
                .keys()
                .all(|key| present & key_bit(key) == 0 || self.position(key).is_none())
    }

    /// Whether some key occurs more than once.
    fn repeats_a_key(&self) -> bool {
        match &self.index {
            Some(index) => index.repeated_keys,
            None => has_repeated_key(&self.entries),
        }
    }

    /// The value under `key`, inserting `default()` first if the key is missing.
    pub fn get_or_insert_with(
        &mut self,
        key: impl Into<Str>,
        default: impl FnOnce() -> AnyValue,
    ) -> &mut AnyValue {
        let key = key.into();
        let p = match self.position(&key) {
            Some(p) => p,
            None => {
                self.push(KeyValue {
                    key,
                    value: default(),
                });
                self.entries.len() - 1
            }
        };
        &mut self.entries[p].value
    }

    /// A map of these entries in order, where a repeated key keeps its first position and its
    /// last value (as if each were [inserted](Map::insert)). Entries with distinct keys, the
    /// usual case, are taken as they are, without a copy.
    pub fn from_entries(entries: Vec<KeyValue>) -> Self {
        let taken = Self::from_decoded(entries);
        if !taken.repeats_a_key() {
            return taken;
        }
        let mut map = Self::with_capacity(taken.len());
        for entry in taken.into_entries() {
            map.insert(entry.key, entry.value);
        }
        map
    }

    /// A map of decoded entries, kept as written (duplicates included, as pdata keeps them).
    pub(crate) fn from_decoded(entries: Vec<KeyValue>) -> Self {
        let index = (entries.len() > INDEX_THRESHOLD).then(|| Index::build(&entries));
        Self { entries, index }
    }

    /// Appends an entry without looking for its key (decoders keep duplicates, as pdata does).
    pub(crate) fn push(&mut self, entry: KeyValue) {
        self.entries.push(entry);
        let position = self.entries.len() - 1;
        match &mut self.index {
            Some(index) => index.add(&self.entries, position),
            None if self.entries.len() > INDEX_THRESHOLD => {
                self.index = Some(Index::build(&self.entries));
            }
            None => {}
        }
    }

    /// Removes the entry under `key`, keeping the order of the others, and returns its value.
    pub fn remove(&mut self, key: &str) -> Option<AnyValue> {
        let p = self.position(key)?;
        let entry = self.entries.remove(p);
        self.reindex();
        Some(entry.value)
    }

    /// Keeps only the entries for which `keep` returns true, in order.
    pub fn retain(&mut self, mut keep: impl FnMut(&Str, &mut AnyValue) -> bool) {
        let before = self.entries.len();
        self.entries
            .retain_mut(|entry| keep(&entry.key, &mut entry.value));
        if self.entries.len() != before {
            self.reindex();
        }
    }

    /// Removes every entry.
    pub fn clear(&mut self) {
        self.entries.clear();
        self.index = None;
    }

    fn reindex(&mut self) {
        self.index = (self.entries.len() > INDEX_THRESHOLD).then(|| Index::build(&self.entries));
    }

    /// The entries in order, as `(key, value)` pairs.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&Str, &AnyValue)> {
        self.entries.iter().map(|entry| (&entry.key, &entry.value))
    }

    /// The entries in order, with values to change in place.
    pub fn iter_mut(&mut self) -> impl ExactSizeIterator<Item = (&Str, &mut AnyValue)> {
        self.entries
            .iter_mut()
            .map(|entry| (&entry.key, &mut entry.value))
    }

    /// The keys in order.
    pub fn keys(&self) -> impl ExactSizeIterator<Item = &Str> {
        self.entries.iter().map(|entry| &entry.key)
    }

    /// The entries, moved out in order.
    pub fn into_entries(mut self) -> Vec<KeyValue> {
        self.index = None;
        std::mem::take(&mut self.entries)
    }

    /// Moves the values out, leaving the map empty (used to drop deep values iteratively).
    pub(crate) fn drain_values(&mut self) -> impl Iterator<Item = AnyValue> + '_ {
        self.index = None;
        self.entries.drain(..).map(|entry| entry.value)
    }
}

/// How [`Map::merge`] treats the keys it brings in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Merge {
    /// Only keys the map lacks are added.
    Insert,
    /// Only keys the map has get the new value.
    Update,
    /// Every key is set.
    Upsert,
}

/// One of 64 bits chosen by a key's length and its first and last bytes: keys with different
/// bits differ, so a map's keys OR-ed together tell most absent keys apart without a search.
fn key_bit(key: &str) -> u64 {
    let bytes = key.as_bytes();
    let (first, last) = match bytes {
        [] => (0, 0),
        [first, .., last] => (*first, *last),
        [only] => (*only, *only),
    };
    let mix = bytes.len() as u64 ^ (u64::from(first) << 16) ^ (u64::from(last) << 8);
    1 << (mix.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 58)
}

/// Whether some key occurs twice (for maps small enough to search linearly).
fn has_repeated_key(entries: &[KeyValue]) -> bool {
    let mut seen = 0;
    entries.iter().enumerate().any(|(i, entry)| {
        let key = entry.key.as_str();
        let bit = key_bit(key);
        let maybe_seen = seen & bit != 0;
        seen |= bit;
        maybe_seen && entries[..i].iter().any(|earlier| earlier.key == *key)
    })
}

impl Drop for Map {
    fn drop(&mut self) {
        if self.entries.iter().any(|entry| entry.value.has_children()) {
            drop_iteratively(self.drain_values().collect());
        }
    }
}

impl PartialEq for Map {
    /// Maps are equal when they hold the same entries in the same order.
    fn eq(&self, other: &Self) -> bool {
        self.entries == other.entries
    }
}

impl std::fmt::Debug for Map {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl<K: Into<Str>, V: Into<AnyValue>> FromIterator<(K, V)> for Map {
    /// Inserts each pair in turn; a repeated key replaces the earlier value.
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut map = Self::new();
        for (key, value) in iter {
            map.insert(key, value.into());
        }
        map
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(map: &Map) -> Vec<&str> {
        map.keys().map(Str::as_str).collect()
    }

    #[test]
    fn insert_replaces_in_place_and_remove_keeps_order() {
        let mut map: Map = [("a", 1), ("b", 2), ("c", 3)]
            .into_iter()
            .map(|(k, v)| (k, v as i64))
            .collect();
        assert_eq!(map.insert("b", AnyValue::Int(20)), Some(AnyValue::Int(2)));
        assert_eq!(keys(&map), ["a", "b", "c"]);
        assert_eq!(map.remove("a"), Some(AnyValue::Int(1)));
        assert_eq!(keys(&map), ["b", "c"]);
        assert_eq!(map.get("b"), Some(&AnyValue::Int(20)));
        assert_eq!(map.get("a"), None);
    }

    #[test]
    fn a_hashed_key_finds_its_entry_wherever_it_moved() {
        let big = |order: &[usize]| -> Map {
            order
                .iter()
                .map(|&i| (format!("key.{i}"), AnyValue::Int(i as i64)))
                .collect()
        };
        let forward: Vec<usize> = (0..100).collect();
        let backward: Vec<usize> = (0..100).rev().collect();
        let key = MapKey::new("key.7");
        for map in [big(&forward), big(&backward), big(&forward)] {
            assert_eq!(map.get_key(&key), Some(&AnyValue::Int(7)));
        }
        let mut shorter = big(&(50..100).collect::<Vec<_>>());
        assert_eq!(shorter.get_key(&key), None);
        shorter.put_key(&key, AnyValue::Bool(true));
        assert_eq!(shorter.get("key.7"), Some(&AnyValue::Bool(true)));
    }

    #[test]
    fn a_hashed_key_sees_the_first_of_repeated_keys() {
        let mut entries: Vec<KeyValue> = (0..40)
            .map(|i| KeyValue::new(format!("k{i}"), i as i64))
            .collect();
        entries.push(KeyValue::new("k3", 99_i64));
        let key = MapKey::new("k3");
        // First found at position 40, in a map where only that entry has the key ...
        let mut only_last = entries.clone();
        only_last[3].key = Str::from("x3");
        assert_eq!(
            Map::from_decoded(only_last).get_key(&key),
            Some(&AnyValue::Int(99))
        );
        // ... then looked up where position 40 repeats an earlier key: the first one counts.
        assert_eq!(
            Map::from_decoded(entries).get_key(&key),
            Some(&AnyValue::Int(3))
        );
    }

    #[test]
    fn large_maps_stay_correct_through_the_index() {
        let mut map = Map::new();
        for i in 0..400 {
            map.insert(format!("key.{i}"), AnyValue::Int(i));
        }
        assert!(map.index.is_some());
        assert_eq!(map.get("key.399"), Some(&AnyValue::Int(399)));
        map.insert("key.7", AnyValue::Bool(true));
        assert_eq!(map.len(), 400);
        map.retain(|key, _| key.ends_with('7'));
        assert_eq!(map.len(), 40);
        assert!(map.index.is_some());
        assert_eq!(map.get("key.7"), Some(&AnyValue::Bool(true)));
        assert_eq!(map.get("key.8"), None);
        map.remove("key.17");
        assert_eq!(map.len(), 39);
        assert_eq!(keys(&map)[..3], ["key.7", "key.27", "key.37"]);
    }

    #[test]
    fn duplicate_keys_from_input_resolve_to_the_first() {
        let mut map = Map::new();
        for i in 0..INDEX_THRESHOLD + 4 {
            map.push(KeyValue::new("dup", i as i64));
        }
        assert!(map.index.is_some());
        assert_eq!(map.get("dup"), Some(&AnyValue::Int(0)));
        map.remove("dup");
        assert_eq!(map.get("dup"), Some(&AnyValue::Int(1)));
    }

    #[test]
    fn merge_follows_its_strategy_for_owned_and_borrowed_entries() {
        let source: Map = [("b", 20_i64), ("c", 30)].into_iter().collect();
        let target = || -> Map { [("a", 1_i64), ("b", 2)].into_iter().collect() };
        let cases = [
            (Merge::Upsert, vec![("a", 1), ("b", 20), ("c", 30)]),
            (Merge::Insert, vec![("a", 1), ("b", 2), ("c", 30)]),
            (Merge::Update, vec![("a", 1), ("b", 20)]),
        ];
        for (strategy, expected) in cases {
            let expected: Map = expected.into_iter().collect();
            let mut borrowed = target();
            borrowed.merge(Cow::Borrowed(&source), strategy);
            assert_eq!(borrowed, expected, "{strategy:?}, borrowed");
            let mut owned = target();
            owned.merge(Cow::Owned(source.clone()), strategy);
            assert_eq!(owned, expected, "{strategy:?}, owned");
        }
    }

    #[test]
    fn merge_finds_every_key_the_summary_lets_through() {
        // Enough keys that the 64-bit summary is all ones and every lookup searches, and a
        // map that grows its index midway.
        let keys: Vec<String> = (0..INDEX_THRESHOLD + 10).map(|i| format!("k{i}")).collect();
        let mut map: Map = keys[..20].iter().map(|k| (k.as_str(), 0_i64)).collect();
        let source: Map = keys.iter().map(|k| (k.as_str(), 1_i64)).collect();
        map.merge(Cow::Borrowed(&source), Merge::Upsert);
        assert_eq!(map.len(), keys.len());
        assert!(map.entries().iter().all(|e| e.value == AnyValue::Int(1)));
        assert!(map.index.is_some());
        map.merge(Cow::Borrowed(&source), Merge::Insert);
        assert_eq!(map.len(), keys.len());
    }

    #[test]
    fn merge_agrees_with_one_insert_per_key() {
        // Keys of one or two letters over a small alphabet: many share a summary bit, some are
        // equal, and maps with repeated keys (as decoded input keeps them) come up too.
        const KEYS: [&str; 7] = ["a", "b", "ab", "ba", "aa", "bb", "abc"];
        let mut state = 1_u64;
        let mut keys = |len: u64| -> Vec<&str> {
            let mut draw = || {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1);
                state >> 33
            };
            (0..draw() % len)
                .map(|_| KEYS[(draw() % 7) as usize])
                .collect()
        };
        for _ in 0..1000 {
            let target_keys = keys(9);
            let source_keys = keys(6);
            let target: Map = target_keys.iter().map(|k| (*k, 0_i64)).collect();
            let source = Map::from_decoded(
                source_keys
                    .iter()
                    .enumerate()
                    .map(|(i, k)| KeyValue::new(*k, i as i64 + 1))
                    .collect(),
            );
            for strategy in [Merge::Insert, Merge::Update, Merge::Upsert] {
                let mut expected = target.clone();
                for entry in source.entries() {
                    let has = expected.contains_key(&entry.key);
                    let take = match strategy {
                        Merge::Insert => !has,
                        Merge::Update => has,
                        Merge::Upsert => true,
                    };
                    if take {
                        expected.insert(entry.key.clone(), entry.value.clone());
                    }
                }
                let mut merged = target.clone();
                merged.merge(Cow::Borrowed(&source), strategy);
                assert_eq!(
                    merged, expected,
                    "{target_keys:?} <- {source_keys:?}, {strategy:?}"
                );
            }
        }
    }

    #[test]
    fn merge_appends_at_once_when_every_key_is_new_and_indexes_what_grew() {
        let mut map: Map = (0..30).map(|i| (format!("old.{i}"), i as i64)).collect();
        let mut bits = map.keys().fold(0, |bits, key| bits | key_bit(key));
        // Keys the summary shows new, so the single-copy path is taken without a search.
        let new_keys: Vec<String> = (0..)
            .map(|i| format!("new.{i}"))
            .filter(|key| {
                let fresh = bits & key_bit(key) == 0;
                bits |= key_bit(key);
                fresh
            })
            .take(5)
            .collect();
        let source: Map = new_keys.iter().map(|k| (k.as_str(), -1_i64)).collect();
        map.merge(Cow::Owned(source), Merge::Upsert);
        assert_eq!(map.len(), 35);
        assert!(map.index.is_some());
        assert_eq!(map.get(&new_keys[4]), Some(&AnyValue::Int(-1)));
        assert_eq!(map.get("old.29"), Some(&AnyValue::Int(29)));
    }

    #[test]
    fn from_entries_keeps_the_first_position_and_last_value_of_a_repeated_key() {
        let entries = |keys: &[&str]| -> Vec<KeyValue> {
            keys.iter()
                .enumerate()
                .map(|(i, key)| KeyValue::new(*key, i as i64))
                .collect()
        };
        let map = Map::from_entries(entries(&["a", "b", "a", "c"]));
        assert_eq!(keys(&map), ["a", "b", "c"]);
        assert_eq!(map.get("a"), Some(&AnyValue::Int(2)));
        let distinct = Map::from_entries(entries(&["x", "y"]));
        assert_eq!(keys(&distinct), ["x", "y"]);
        let mut many: Vec<String> = (0..INDEX_THRESHOLD + 3).map(|i| format!("k{i}")).collect();
        many.push("k1".to_owned());
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        let big = Map::from_entries(entries(&many));
        assert_eq!(big.len(), INDEX_THRESHOLD + 3);
        assert_eq!(
            big.get("k1"),
            Some(&AnyValue::Int(INDEX_THRESHOLD as i64 + 3))
        );
        assert!(big.index.is_some());
    }

    #[test]
    fn get_or_insert_with_inserts_only_when_missing() {
        let mut map = Map::new();
        *map.get_or_insert_with("n", || AnyValue::Int(0)) = AnyValue::Int(5);
        map.get_or_insert_with("n", || AnyValue::Int(9));
        assert_eq!(map.get("n"), Some(&AnyValue::Int(5)));
    }
}
