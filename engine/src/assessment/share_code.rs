//! The share code: a complete answer set as a short, URL-safe, versioned string with a
//! checksum, carried in a link's fragment so it never reaches a server.
//!
//! Format, version 1 (`"1"` + base64url without padding of the bytes below):
//! - the answers as one mixed-radix number (item 0 is the least significant digit, each
//!   item's radix its number of choices), big-endian in the fewest bytes that hold the
//!   largest possible value;
//! - a CRC-16/CCITT-FALSE over the questionnaire's fingerprint, the version and those bytes.
//!
//! The CRC catches every change of up to 16 consecutive bits, so every single-character
//! edit of a code fails; covering the fingerprint makes a code for another questionnaire
//! fail too. The 27-item SMI gives 13 characters. Decoders for every version ever shipped
//! stay here, each with a golden vector in the tests.

use crate::assessment::questionnaire::Questionnaire;
use crate::assessment::scoring::Answers;
use std::fmt;

pub const VERSION: char = '1';

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    /// Empty, unknown version, bad characters, wrong length or a failed checksum.
    Damaged,
    /// A version this build does not know (from a newer widget).
    UnknownVersion(char),
    /// The questionnaire has too many answer combinations for a code.
    TooLarge,
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::Damaged => {
                f.write_str("the share code is damaged or belongs to another questionnaire")
            }
            ShareError::UnknownVersion(v) => {
                write!(f, "the share code has an unknown version \"{v}\"")
            }
            ShareError::TooLarge => f.write_str("the questionnaire is too large for share codes"),
        }
    }
}

/// What `Questionnaire::validate` says when a questionnaire's answer combinations do not fit
/// a share code.
/// Why a questionnaire has no share codes: too many answer combinations
/// ([`Questionnaire::largest_answer_value`]).
pub use super::questionnaire::TOO_LARGE;

/// Whether every answer set of `q` has a share code.
pub fn fits(q: &Questionnaire) -> bool {
    max_value(q).is_some()
}

fn max_value(q: &Questionnaire) -> Option<u128> {
    q.largest_answer_value()
}

fn byte_len(max: u128) -> usize {
    ((128 - max.leading_zeros()) as usize).div_ceil(8).max(1)
}

fn crc16(parts: &[&[u8]]) -> u16 {
    let mut crc: u16 = 0xffff;
    for byte in parts.iter().flat_map(|p| p.iter()) {
        crc ^= u16::from(*byte) << 8;
        for _ in 0..8 {
            crc = if crc & 0x8000 != 0 {
                (crc << 1) ^ 0x1021
            } else {
                crc << 1
            };
        }
    }
    crc
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

// base64url is written out here rather than pulled from a crate: it is a dozen lines for
// a dozen bytes, and every kilobyte of wasm costs the host page load time.
fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n =
            chunk.iter().fold(0u32, |acc, b| (acc << 8) | u32::from(*b)) << (8 * (3 - chunk.len()));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

fn from_base64url(text: &str) -> Option<Vec<u8>> {
    let sextets: Vec<u32> = text
        .bytes()
        .map(|c| ALPHABET.iter().position(|&a| a == c).map(|p| p as u32))
        .collect::<Option<_>>()?;
    if sextets.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(sextets.len() * 3 / 4);
    for chunk in sextets.chunks(4) {
        let n = chunk.iter().fold(0u32, |acc, s| (acc << 6) | s) << (6 * (4 - chunk.len()));
        let bytes = chunk.len() - 1;
        // Unused low bits must be zero, so each byte string has exactly one spelling.
        if n & ((1 << (8 * (3 - bytes))) - 1) != 0 {
            return None;
        }
        out.extend((0..bytes).map(|i| (n >> (16 - 8 * i)) as u8));
    }
    Some(out)
}

/// The share code of a complete answer set (`Damaged` if the answers are incomplete).
pub fn encode(q: &Questionnaire, answers: &Answers) -> Result<String, ShareError> {
    let max = max_value(q).ok_or(ShareError::TooLarge)?;
    if !answers.is_complete(q) {
        return Err(ShareError::Damaged);
    }
    let value = q
        .items
        .iter()
        .zip(&answers.0)
        .rev()
        .fold(0u128, |acc, (it, a)| {
            acc * it.choices.len() as u128 + u128::from(a.unwrap_or(0))
        });
    let mut bytes = value.to_be_bytes()[16 - byte_len(max)..].to_vec();
    let crc = crc16(&[q.fingerprint().as_bytes(), &[VERSION as u8], &bytes]);
    bytes.extend(crc.to_be_bytes());
    Ok(format!("{VERSION}{}", base64url(&bytes)))
}

/// The answers a share code carries, checked against `q`.
pub fn decode(q: &Questionnaire, code: &str) -> Result<Answers, ShareError> {
    let mut chars = code.chars();
    match chars.next() {
        Some(VERSION) => {}
        Some(v) if v.is_ascii_digit() => return Err(ShareError::UnknownVersion(v)),
        _ => return Err(ShareError::Damaged),
    }
    let max = max_value(q).ok_or(ShareError::TooLarge)?;
    let len = byte_len(max);
    let bytes = from_base64url(chars.as_str()).ok_or(ShareError::Damaged)?;
    if bytes.len() != len + 2 {
        return Err(ShareError::Damaged);
    }
    let (data, crc) = bytes.split_at(len);
    if crc16(&[q.fingerprint().as_bytes(), &[VERSION as u8], data]).to_be_bytes() != crc {
        return Err(ShareError::Damaged);
    }
    let mut value = data
        .iter()
        .fold(0u128, |acc, b| (acc << 8) | u128::from(*b));
    if value > max {
        return Err(ShareError::Damaged);
    }
    let mut answers = Vec::with_capacity(q.items.len());
    for it in &q.items {
        let radix = it.choices.len() as u128;
        answers.push(Some((value % radix) as u8));
        value /= radix;
    }
    Ok(Answers(answers))
}

/// The key of a share code in a URL fragment: `#smi=CODE`.
pub const FRAGMENT_KEY: &str = "smi";

/// The code in a URL fragment such as `#smi=1AbC…`, if there is one.
pub fn code_in_fragment(fragment: &str) -> Option<&str> {
    fragment
        .trim_start_matches('#')
        .split('&')
        .find_map(|part| part.strip_prefix(FRAGMENT_KEY)?.strip_prefix('='))
}

/// `base` (any fragment dropped) with the code as its fragment.
pub fn link(base: &str, code: &str) -> String {
    let base = base.split('#').next().unwrap_or(base);
    format!("{base}#{FRAGMENT_KEY}={code}")
}
