//! The snapshot format: a loaded [`Dataset`] as compact binary, read back without parsing
//! JSON or resolving anything again.
//!
//! Why a format of our own: it is a flat walk over the member fields (a length before each
//! string, a byte for each enum), so reading it back is little more than one copy per
//! string, and it is read as a stream (a chunk at a time, [`super::codec`]), so a large
//! dataset is never held twice. Members are written in blocks of about [`BLOCK`] bytes,
//! each with its member count and length first, so reading hands whole blocks to a thread
//! per core. Encoding destructures every [`Member`] field by
//! name and decoding builds the struct whole, so a field added to `Member` without a change
//! here does not compile.
//!
//! Nothing read is trusted: every length is checked against what the snapshot can still
//! hold before anything is allocated, every enum byte and every string is checked, and the
//! caller compares the hash of all the bytes ([`super::codec`]) with the one written at the
//! end. Any surprise gives `None`, and the caller loads the dataset file instead.

use super::codec::{Reader, Writer};
use crate::model::{
    Announced, Award, Cluster, ClusterBasis, Coordinates, CoordinatesOf, Dataset, JoinedBasis,
    Member, Region,
};
use std::io::{self, Read, Write};

/// Writes `dataset` to `w`.
pub fn encode<W: Write>(dataset: &Dataset, w: &mut Writer<W>) -> io::Result<()> {
    let Dataset {
        schema_version,
        source,
        announced,
        members,
    } = dataset;
    w.u32(*schema_version)?;
    w.str(source)?;
    w.option(announced.as_ref(), |w, a| {
        w.u32(a.members)?;
        w.u32(a.countries)?;
        w.str(&a.as_of)
    })?;
    w.len(members.len())?;
    // Members go in blocks, each with its member count and byte length first, so the
    // reader can hand whole blocks to other threads.
    let mut block = Writer::new(Vec::new());
    let mut in_block = 0;
    for (k, member) in members.iter().enumerate() {
        write_member(&mut block, member)?;
        in_block += 1;
        if block.buffered() >= BLOCK || k + 1 == members.len() {
            let (bytes, _) = std::mem::replace(&mut block, Writer::new(Vec::new())).finish()?;
            w.len(in_block)?;
            w.len(bytes.len())?;
            w.bytes(&bytes)?;
            in_block = 0;
        }
    }
    Ok(())
}

/// Reads a dataset from `r`; `None` when the bytes are not a dataset this program wrote.
pub fn decode<R: Read>(r: &mut Reader<R>) -> Option<Dataset> {
    let schema_version = r.u32()?;
    let source = r.string()?;
    let announced = r.option(|r| {
        Some(Announced {
            members: r.u32()?,
            countries: r.u32()?,
            as_of: r.string()?,
        })
    })?;
    // Every member takes at least 20 bytes, so a count the rest cannot hold is refused
    // before room is made for it.
    let count = r.len(MEMBER_MIN)?;
    let members = decode_members(r, count)?;
    Some(Dataset {
        schema_version,
        source,
        announced,
        members,
    })
}

/// The fewest bytes a member takes (three empty strings and the flags).
const MEMBER_MIN: u64 = 20;
/// About how many bytes of members go in one block: the unit decoded on one thread.
const BLOCK: usize = 256 << 10;

/// A block of members to decode: its place, how many, their bytes.
type Block = (usize, usize, Vec<u8>);

/// Reads `count` members, in blocks of [`BLOCK`] bytes decoded on every core while the next
/// blocks are read. `None` when a block is not what it says.
fn decode_members<R: Read>(r: &mut Reader<R>, count: usize) -> Option<Vec<Member>> {
    let workers = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let decode_block = |(first, n, bytes): Block| -> Option<(usize, Vec<Member>)> {
        let mut block = Reader::of_bytes(bytes);
        let mut members = Vec::with_capacity(n);
        for _ in 0..n {
            members.push(read_member(&mut block)?);
        }
        block.finish()?;
        Some((first, members))
    };
    let mut members: Vec<Member> = Vec::with_capacity(count);
    let mut waiting = std::collections::BTreeMap::new();
    let mut place = |(first, part): (usize, Vec<Member>)| {
        waiting.insert(first, part);
        while let Some(part) = waiting.remove(&members.len()) {
            members.extend(part);
        }
    };
    let next_block = |r: &mut Reader<R>, read: usize| -> Option<Option<Block>> {
        if read == count {
            return Some(None);
        }
        let n = r.len(MEMBER_MIN)?;
        let len = r.len(1)?;
        if n == 0 || n > count - read || (n as u64) * MEMBER_MIN > len as u64 {
            return None;
        }
        Some(Some((read, n, r.take_owned(len)?)))
    };
    let mut read = 0;
    if workers < 2 {
        while let Some(block) = next_block(r, read)? {
            read += block.1;
            place(decode_block(block)?);
        }
    } else {
        let complete = std::thread::scope(|scope| {
            let (done_tx, done_rx) = std::sync::mpsc::channel();
            let mut senders = Vec::with_capacity(workers);
            for _ in 0..workers {
                let (tx, rx) = std::sync::mpsc::sync_channel::<Block>(1);
                let done_tx = done_tx.clone();
                senders.push(tx);
                scope.spawn(move || {
                    for block in rx {
                        if done_tx.send(decode_block(block)).is_err() {
                            break;
                        }
                    }
                });
            }
            drop(done_tx);
            let mut turn = 0;
            let mut ok = true;
            loop {
                match next_block(r, read) {
                    Some(Some(block)) => {
                        read += block.1;
                        turn = (turn + 1) % workers;
                        if senders[turn].send(block).is_err() {
                            ok = false;
                            break;
                        }
                    }
                    Some(None) => break,
                    None => {
                        ok = false;
                        break;
                    }
                }
                while let Ok(done) = done_rx.try_recv() {
                    match done {
                        Some(part) => place(part),
                        None => ok = false,
                    }
                }
                if !ok {
                    break;
                }
            }
            drop(senders);
            for done in done_rx {
                match done {
                    Some(part) if ok => place(part),
                    _ => ok = false,
                }
            }
            ok
        });
        if !complete {
            return None;
        }
    }
    (members.len() == count && waiting.is_empty()).then_some(members)
}

fn text<W: Write>(w: &mut Writer<W>, s: Option<&String>) -> io::Result<()> {
    w.option(s, |w, s| w.str(s))
}

fn write_member<W: Write>(w: &mut Writer<W>, m: &Member) -> io::Result<()> {
    let Member {
        id,
        city,
        country,
        region,
        clusters,
        cluster_basis,
        joined,
        joined_basis,
        tagline,
        summary,
        vision,
        challenges,
        plan,
        awards,
        coordinates,
        coordinates_of,
        source,
        sources,
    } = m;
    w.str(id)?;
    w.str(city)?;
    w.str(country)?;
    w.u8(region_code(*region))?;
    w.len(clusters.len())?;
    for c in clusters {
        w.u8(cluster_code(*c))?;
    }
    w.flag(*cluster_basis == ClusterBasis::Inferred)?;
    w.option(*joined, Writer::u16)?;
    w.option(*joined_basis, |w, b| w.flag(b == JoinedBasis::MemberBy))?;
    for t in [tagline, summary, vision, challenges, plan] {
        text(w, t.as_ref())?;
    }
    w.len(awards.len())?;
    for Award { year, source } in awards {
        w.u16(*year)?;
        text(w, source.as_ref())?;
    }
    w.option(*coordinates, |w, Coordinates { lat, lon }| {
        w.f64(lat)?;
        w.f64(lon)
    })?;
    w.option(*coordinates_of, |w, of| w.flag(of == CoordinatesOf::Parent))?;
    text(w, source.as_ref())?;
    w.len(sources.len())?;
    for s in sources {
        w.str(s)?;
    }
    Ok(())
}

fn region_code(region: Region) -> u8 {
    Region::ALL.iter().position(|r| *r == region).unwrap_or(0) as u8
}

fn cluster_code(cluster: Cluster) -> u8 {
    Cluster::ALL.iter().position(|c| *c == cluster).unwrap_or(0) as u8
}

fn read_member<R: Read>(r: &mut Reader<R>) -> Option<Member> {
    let id = r.string()?;
    let city = r.string()?;
    let country = r.string()?;
    let region = *Region::ALL.get(usize::from(r.u8()?))?;
    let count = r.len(1)?;
    let mut clusters = Vec::with_capacity(count);
    for _ in 0..count {
        clusters.push(*Cluster::ALL.get(usize::from(r.u8()?))?);
    }
    let cluster_basis = if r.flag()? {
        ClusterBasis::Inferred
    } else {
        ClusterBasis::Stated
    };
    let joined = r.option(Reader::u16)?;
    let joined_basis = r.option(|r| {
        Some(if r.flag()? {
            JoinedBasis::MemberBy
        } else {
            JoinedBasis::Joined
        })
    })?;
    let tagline = r.option(Reader::string)?;
    let summary = r.option(Reader::string)?;
    let vision = r.option(Reader::string)?;
    let challenges = r.option(Reader::string)?;
    let plan = r.option(Reader::string)?;
    let count = r.len(3)?;
    let mut awards = Vec::with_capacity(count);
    for _ in 0..count {
        awards.push(Award {
            year: r.u16()?,
            source: r.option(Reader::string)?,
        });
    }
    let coordinates = r.option(|r| {
        Some(Coordinates {
            lat: r.f64()?,
            lon: r.f64()?,
        })
    })?;
    let coordinates_of = r.option(|r| {
        Some(if r.flag()? {
            CoordinatesOf::Parent
        } else {
            CoordinatesOf::City
        })
    })?;
    let source = r.option(Reader::string)?;
    let count = r.len(4)?;
    let mut sources = Vec::with_capacity(count);
    for _ in 0..count {
        sources.push(r.string()?);
    }
    Some(Member {
        id,
        city,
        country,
        region,
        clusters,
        cluster_basis,
        joined,
        joined_basis,
        tagline,
        summary,
        vision,
        challenges,
        plan,
        awards,
        coordinates,
        coordinates_of,
        source,
        sources,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bytes_of(dataset: &Dataset) -> (Vec<u8>, u64) {
        let mut w = Writer::new(Vec::new());
        encode(dataset, &mut w).expect("writes to memory");
        w.finish().expect("writes to memory")
    }

    /// The dataset and the hash read back from `bytes`, which must be read whole.
    fn read(bytes: &[u8]) -> Option<(Dataset, u64)> {
        let mut r = Reader::new(bytes, bytes.len() as u64);
        let dataset = decode(&mut r)?;
        let (_, hash) = r.finish()?;
        Some((dataset, hash))
    }

    fn round_trip(dataset: &Dataset) -> Dataset {
        let (bytes, written) = bytes_of(dataset);
        let (read, hash) = read(&bytes).expect("reads back");
        assert_eq!(hash, written, "the hash read is the hash written");
        read
    }

    #[test]
    fn the_bundled_dataset_reads_back_equal() {
        let dataset = Dataset::bundled();
        assert_eq!(round_trip(&dataset), dataset);
    }

    #[test]
    fn every_field_reads_back_equal() {
        let mut dataset = Dataset::bundled();
        // A member with every optional field set and every enum's other value.
        let m = &mut dataset.members[0];
        m.cluster_basis = ClusterBasis::Inferred;
        m.clusters = Cluster::ALL.to_vec();
        m.region = Region::LatinAmericaCaribbean;
        m.joined = Some(2019);
        m.joined_basis = Some(JoinedBasis::MemberBy);
        m.tagline = Some("tag ✓".into());
        m.summary = Some(String::new());
        m.vision = Some("v\n- item".into());
        m.challenges = Some("c".into());
        m.plan = Some("p".into());
        m.awards = vec![
            Award {
                year: 2017,
                source: Some("s".into()),
            },
            Award {
                year: 2021,
                source: None,
            },
        ];
        m.coordinates = Some(Coordinates {
            lat: -33.9,
            lon: 18.4,
        });
        m.coordinates_of = Some(CoordinatesOf::Parent);
        m.source = Some("src".into());
        m.sources = vec!["a".into(), "b".into()];
        dataset.announced = Some(Announced {
            members: 425,
            countries: 91,
            as_of: "2025".into(),
        });
        assert_eq!(round_trip(&dataset), dataset);
    }

    #[test]
    fn many_blocks_read_back_equal_and_in_order() {
        let mut dataset = Dataset::bundled();
        let one = dataset.members.clone();
        for copy in 1..12 {
            dataset.members.extend(one.iter().map(|m| {
                let mut m = m.clone();
                m.id = format!("{}-{copy}", m.id);
                m.vision = Some("text ".repeat(100));
                m
            }));
        }
        let (bytes, _) = bytes_of(&dataset);
        assert!(
            bytes.len() > 3 * BLOCK,
            "{} bytes: several blocks",
            bytes.len()
        );
        assert_eq!(round_trip(&dataset), dataset);
    }

    #[test]
    fn any_cut_or_extra_byte_is_refused() {
        let (bytes, _) = bytes_of(&Dataset::bundled());
        for cut in [0, 1, 5, bytes.len() / 2, bytes.len() - 1] {
            assert!(read(&bytes[..cut]).is_none(), "cut at {cut}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(read(&longer).is_none());
    }

    #[test]
    fn a_changed_byte_is_refused_or_changes_the_hash() {
        let (bytes, written) = bytes_of(&Dataset::bundled());
        for at in (0..bytes.len()).step_by(997) {
            let mut bad = bytes.clone();
            bad[at] ^= 0x5a;
            if let Some((_, hash)) = read(&bad) {
                assert_ne!(hash, written, "byte {at} changed but the hash did not");
            }
        }
    }

    #[test]
    fn a_huge_count_is_refused_before_allocating() {
        // A member count of u32::MAX in a snapshot of a few bytes.
        let mut bytes = Vec::new();
        bytes.extend_from_slice(&1u32.to_le_bytes());
        bytes.extend_from_slice(&0u32.to_le_bytes());
        bytes.push(0);
        bytes.extend_from_slice(&u32::MAX.to_le_bytes());
        assert!(read(&bytes).is_none());
    }
}
