//! The place-name index: a byte trie over the normalised names, searched anchored at a word
//! start for the longest name there.
//!
//! The recogniser only ever asks "which is the longest name that starts exactly here?"
//! (see `recognise` in `resolve.rs`), so it needs no failure links. An Aho-Corasick automaton
//! over the 235k names took about 0.65 s to build, most of it computing failure transitions
//! that anchored searches never follow; this trie is built in one MSD radix pass over the
//! names and answers the same question with the same tie-break (the lowest pattern index
//! among equal names).

/// No pattern ends at this node.
const NONE: u32 = u32::MAX;

/// Nodes over at most this many keys are expanded by sorting them, larger ones by buckets.
const SMALL: usize = 32;

/// A trie in breadth-first order: the children of a node are the consecutive nodes
/// `first .. first + count`, sorted by the byte on their incoming edge (`label`).
pub(crate) struct NameTrie {
    nodes: Vec<Node>,
    /// Per node, the byte on its incoming edge (kept apart so a node's children's bytes are
    /// one short slice to search).
    label: Vec<u8>,
    /// The root's children by byte (`NONE` when absent), to skip the widest search.
    root: [u32; 256],
}

#[derive(Clone, Copy)]
struct Node {
    first: u32,
    /// Lowest index of a pattern spelled by the path to the node, or [`NONE`].
    pattern: u32,
    count: u16,
}

const LEAF: Node = Node {
    first: 0,
    pattern: NONE,
    count: 0,
};

impl NameTrie {
    /// Build over `keys`; the pattern index of a key is its position. Empty keys are ignored.
    pub(crate) fn new<'a>(keys: impl ExactSizeIterator<Item = &'a [u8]>) -> NameTrie {
        let keys: Vec<&[u8]> = keys.collect();
        let mut perm: Vec<u32> = (0..keys.len() as u32)
            .filter(|&i| !keys[i as usize].is_empty())
            .collect();
        let mut trie = NameTrie {
            nodes: vec![LEAF],
            label: vec![0],
            root: [NONE; 256],
        };
        // Work list in breadth-first order: (node, range of `perm` under it, depth). Every
        // key in a node's range starts with the node's path, and `perm` is bucketed (MSD
        // radix) one byte deeper as each node is expanded.
        let mut queue: Vec<(u32, usize, usize, usize)> = vec![(0, 0, perm.len(), 0)];
        let mut scratch: Vec<u32> = Vec::new();
        let mut head = 0;
        while head < queue.len() {
            let (node, lo, hi, depth) = queue[head];
            head += 1;
            let first_child = trie.label.len() as u32;
            let mut n_children = 0u16;
            let mut child = |trie: &mut NameTrie, b: u8, from: usize, to: usize| {
                let id = trie.add_node(node, b);
                queue.push((id, from, to, depth + 1));
                n_children += 1;
            };
            if hi - lo == 1 {
                // One key left under the node: its remaining bytes are a chain of only children.
                let k = perm[lo];
                let rest = &keys[k as usize][depth..];
                let mut n = node as usize;
                for &b in rest {
                    let id = trie.add_node(n as u32, b);
                    trie.nodes[n].first = id;
                    trie.nodes[n].count = 1;
                    n = id as usize;
                }
                trie.nodes[n].pattern = k;
                continue;
            }
            if hi - lo <= SMALL {
                // Most nodes hold a few keys: sort them by their next byte (keys that end
                // here first) instead of a 256-bucket pass.
                // (next byte + 1, or 0 for a key that ends here; key), read once per key.
                let mut pairs = [(0u16, 0u32); SMALL];
                let pairs = &mut pairs[..hi - lo];
                for (pair, &k) in pairs.iter_mut().zip(&perm[lo..hi]) {
                    let next = keys[k as usize].get(depth).map_or(0, |&b| b as u16 + 1);
                    *pair = (next, k);
                }
                pairs.sort_unstable();
                for (slot, &(_, k)) in perm[lo..hi].iter_mut().zip(pairs.iter()) {
                    *slot = k;
                }
                let mut i = 0;
                if pairs[0].0 == 0 {
                    trie.nodes[node as usize].pattern = pairs[0].1;
                    while i < pairs.len() && pairs[i].0 == 0 {
                        i += 1;
                    }
                }
                while i < pairs.len() {
                    let next = pairs[i].0;
                    let mut j = i + 1;
                    while j < pairs.len() && pairs[j].0 == next {
                        j += 1;
                    }
                    child(&mut trie, (next - 1) as u8, lo + i, lo + j);
                    i = j;
                }
            } else {
                let mut counts = [0usize; 256];
                let mut ended = NONE;
                for &k in &perm[lo..hi] {
                    match keys[k as usize].get(depth) {
                        Some(&b) => counts[b as usize] += 1,
                        None => ended = ended.min(k),
                    }
                }
                trie.nodes[node as usize].pattern = ended;
                // Offsets of each byte's bucket in the range, keys that end here first.
                let ended_n = (hi - lo) - counts.iter().sum::<usize>();
                let mut offsets = [0usize; 256];
                let mut at = ended_n;
                for b in 0..256 {
                    offsets[b] = at;
                    at += counts[b];
                }
                scratch.clear();
                scratch.resize(hi - lo, 0);
                let mut fill = offsets;
                let mut end_fill = 0;
                for &k in &perm[lo..hi] {
                    match keys[k as usize].get(depth) {
                        Some(&b) => {
                            scratch[fill[b as usize]] = k;
                            fill[b as usize] += 1;
                        }
                        None => {
                            scratch[end_fill] = k;
                            end_fill += 1;
                        }
                    }
                }
                perm[lo..hi].copy_from_slice(&scratch);
                for b in 0..256 {
                    if counts[b] > 0 {
                        child(
                            &mut trie,
                            b as u8,
                            lo + offsets[b],
                            lo + offsets[b] + counts[b],
                        );
                    }
                }
            }
            trie.nodes[node as usize].first = first_child;
            trie.nodes[node as usize].count = n_children;
        }
        trie
    }

    /// Append a node reached from `parent` by byte `b` (the caller records it among the
    /// parent's children).
    fn add_node(&mut self, parent: u32, b: u8) -> u32 {
        let id = self.label.len() as u32;
        self.nodes.push(LEAF);
        self.label.push(b);
        if parent == 0 {
            self.root[b as usize] = id;
        }
        id
    }

    /// The longest key that `hay[at..]` starts with: its end in `hay` and its pattern index.
    pub(crate) fn longest_at(&self, hay: &[u8], at: usize) -> Option<(usize, usize)> {
        let mut best = None;
        let mut bytes = hay.get(at..)?.iter();
        let mut node = match bytes.next() {
            Some(&b) => self.root[b as usize],
            None => return None,
        };
        let mut end = at + 1;
        while node != NONE {
            let n = self.nodes[node as usize];
            if n.pattern != NONE {
                best = Some((end, n.pattern as usize));
            }
            let Some(&b) = bytes.next() else { break };
            let first = n.first as usize;
            let kids = &self.label[first..first + n.count as usize];
            // Most nodes have one child or a few: a scan beats a binary search there.
            let found = if kids.len() <= 8 {
                kids.iter().position(|&l| l == b)
            } else {
                kids.binary_search(&b).ok()
            };
            node = found.map_or(NONE, |k| (first + k) as u32);
            end += 1;
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trie(keys: &[&str]) -> NameTrie {
        NameTrie::new(keys.iter().map(|k| k.as_bytes()))
    }

    #[test]
    fn longest_name_at_the_start_wins() {
        let t = trie(&["gao", "gaoua", "kidal", "ga"]);
        assert_eq!(t.longest_at(b"gaoua town", 0), Some((5, 1)));
        assert_eq!(t.longest_at(b"gaou", 0), Some((3, 0)));
        assert_eq!(t.longest_at(b"in gao", 3), Some((6, 0)));
        assert_eq!(t.longest_at(b"gx", 0), None);
        assert_eq!(t.longest_at(b"gax", 0), Some((2, 3)));
        assert_eq!(t.longest_at(b"kida", 0), None);
        assert_eq!(t.longest_at(b"gao", 3), None);
        assert_eq!(t.longest_at(b"gao", 9), None);
    }

    #[test]
    fn equal_names_keep_the_lowest_index_and_empty_keys_are_ignored() {
        let t = trie(&["", "bama", "bamako", "bama"]);
        assert_eq!(t.longest_at(b"bama", 0), Some((4, 1)));
        assert_eq!(t.longest_at(b"bamako", 0), Some((6, 2)));
        assert_eq!(t.longest_at(b"", 0), None);
    }

    #[test]
    fn multibyte_names_match_byte_for_byte() {
        let t = trie(&["تمبكتو", "تمبكت"]);
        let hay = "في تمبكتو".as_bytes();
        let at = "في ".len();
        assert_eq!(t.longest_at(hay, at), Some((hay.len(), 0)));
        assert_eq!(t.longest_at(hay, at + 2), None);
    }
}
