//! Share codes: golden vectors per format version, round trips, and refusal of every
//! single-character change, every truncation and random text, without a panic.

use crate::support::{answers, any_answers, smi};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use smi_engine::assessment::share_code::{code_in_fragment, decode, encode, link, ShareError};

/// Codes shipped in links. Each must keep decoding to the same answers forever.
const GOLDEN: [(&str, &str); 3] = [
    ("0000000000000 00000000000000", "1AAAAAAAAAAVX"),
    ("3333333333333 33333333333333", "1P________0Hs"),
    ("1010101010101 23232323232323", "1O7u7uREREamd"),
];

#[test]
fn golden_vectors_of_version_1_decode() {
    for (digits, code) in GOLDEN {
        assert_eq!(decode(smi(), code), Ok(answers(digits)), "{code}");
        assert_eq!(
            encode(smi(), &answers(digits)).as_deref(),
            Ok(code),
            "{digits}"
        );
    }
}

#[test]
fn the_full_questionnaire_fits_in_64_characters() {
    let code = encode(smi(), &answers("3333333333333 33333333333333")).unwrap();
    assert!(code.len() <= 64, "{code}");
    assert_eq!(code.len(), 13);
}

#[test]
fn incomplete_answers_have_no_code() {
    let mut a = answers("3333333333333 33333333333333");
    a.0[0] = None;
    assert_eq!(encode(smi(), &a), Err(ShareError::Damaged));
}

#[test]
fn foreign_and_future_codes_are_refused() {
    let mut other = smi().clone();
    other.id = "another".into();
    let code = encode(smi(), &answers("3333333333333 33333333333333")).unwrap();
    assert_eq!(decode(&other, &code), Err(ShareError::Damaged));
    assert_eq!(
        decode(smi(), &code.replacen('1', "2", 1)),
        Err(ShareError::UnknownVersion('2'))
    );
    for bad in [
        "",
        "1",
        "1=",
        "x",
        "1AAAA",
        "1AAAAAAAAAAVX=",
        "1AAAAAAAAAAVXA",
    ] {
        assert_eq!(decode(smi(), bad), Err(ShareError::Damaged), "{bad:?}");
    }
}

#[test]
fn links_carry_the_code_in_the_fragment() {
    assert_eq!(
        link("https://x.test/page?a=1#top", "1abc"),
        "https://x.test/page?a=1#smi=1abc"
    );
    assert_eq!(code_in_fragment("#smi=1abc"), Some("1abc"));
    assert_eq!(code_in_fragment("#a=b&smi=1abc"), Some("1abc"));
    assert_eq!(code_in_fragment("#top"), None);
}

/// Every single-character change of every golden code and of 413 random answer sets, to
/// every character of the code alphabet and a few others: 416 codes × 13 positions × the 69
/// characters other than the one there = 373,152 mutated codes, each refused.
#[test]
fn every_single_character_change_is_refused() {
    let mut alphabet: Vec<char> =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
            .chars()
            .collect();
    alphabet.extend(['=', '+', '/', ' ', '%', 'é']);
    let mut codes: Vec<String> = GOLDEN.iter().map(|(_, c)| c.to_string()).collect();
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    for _ in 0..413 {
        let a = any_answers().new_tree(&mut runner).unwrap().current();
        codes.push(encode(smi(), &a).unwrap());
    }
    let mut tried = 0;
    for code in &codes {
        let chars: Vec<char> = code.chars().collect();
        for at in 0..chars.len() {
            for &c in &alphabet {
                let mut mutated = chars.clone();
                mutated[at] = c;
                let mutated: String = mutated.into_iter().collect();
                if mutated == *code {
                    continue;
                }
                tried += 1;
                assert!(
                    decode(smi(), &mutated).is_err(),
                    "{code} → {mutated} decoded"
                );
            }
        }
        for len in 0..code.len() {
            assert!(
                decode(smi(), &code[..len]).is_err(),
                "truncated {code} to {len}"
            );
        }
    }
    assert_eq!(codes.len(), 416);
    assert_eq!(tried, 373_152, "mutated codes tried");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(5000))]

    #[test]
    fn every_answer_set_round_trips(a in any_answers()) {
        let code = encode(smi(), &a).unwrap();
        prop_assert_eq!(decode(smi(), &code), Ok(a));
    }

    #[test]
    fn random_text_is_refused_without_a_panic(text in "1?[A-Za-z0-9_=+/-]{0,20}|.{0,40}") {
        if let Ok(a) = decode(smi(), &text) {
            prop_assert!(a.is_complete(smi()));
        }
    }
}

/// A questionnaire whose answers cannot all become share codes is refused by `validate`,
/// with a message that names the limit, instead of losing its share block.
#[test]
fn a_questionnaire_too_large_for_share_codes_is_refused() {
    use smi_engine::assessment::questionnaire::{Choice, ItemId};
    use smi_engine::assessment::share_code::TOO_LARGE;
    let sized = |n: usize| {
        let mut q = smi().clone();
        let template = q.items[0].clone();
        q.items = (0..n)
            .map(|i| {
                let mut it = template.clone();
                it.id = ItemId(format!("item-{i}"));
                it.choices = (0..5)
                    .map(|score| Choice {
                        score,
                        ..template.choices[0].clone()
                    })
                    .collect();
                it
            })
            .collect();
        q
    };
    let refusal = |q: &smi_engine::Questionnaire| {
        q.validate()
            .into_iter()
            .find(|p| p.message == TOO_LARGE)
            .map(|p| p.to_string())
    };
    assert_eq!(refusal(&sized(55)), None);
    assert!(encode(&sized(55), &smi_engine::Answers(vec![Some(4); 55])).is_ok());
    let message = refusal(&sized(56)).expect("56 items of 5 choices are refused");
    assert!(
        message.contains("share code") && message.contains("2^128"),
        "{message}"
    );
    assert_eq!(
        encode(&sized(56), &smi_engine::Answers(vec![Some(4); 56])),
        Err(ShareError::TooLarge)
    );
}
