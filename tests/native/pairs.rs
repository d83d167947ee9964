//! `Pairs` behaves as the `BTreeMap` it replaces: the same entries in the same order after
//! any inserts and removals, the same JSON both ways.

use proptest::prelude::*;
use smi_engine::pairs::Pairs;
use std::collections::BTreeMap;

#[derive(Debug, Clone)]
enum Op {
    Insert(String, u8),
    Remove(String),
}

fn op() -> impl Strategy<Value = Op> {
    let key = "[a-e]{0,2}";
    prop_oneof![
        (key, any::<u8>()).prop_map(|(k, v)| Op::Insert(k, v)),
        key.prop_map(Op::Remove),
    ]
}

proptest! {
    #[test]
    fn matches_a_btree_map(ops in prop::collection::vec(op(), 0..60)) {
        let mut pairs = Pairs::new();
        let mut model = BTreeMap::new();
        for op in ops {
            match op {
                Op::Insert(k, v) => {
                    pairs.insert(k.clone(), v);
                    model.insert(k, v);
                }
                Op::Remove(k) => prop_assert_eq!(pairs.remove(k.as_str()), model.remove(&k)),
            }
            prop_assert_eq!(pairs.len(), model.len());
        }
        prop_assert!(pairs.iter().eq(model.iter()));
        for k in ["", "a", "ab", "e", "z"] {
            prop_assert_eq!(pairs.get(k), model.get(k));
            prop_assert_eq!(pairs.contains_key(k), model.contains_key(k));
        }
        prop_assert_eq!(
            serde_json::to_string(&pairs).unwrap(),
            serde_json::to_string(&model).unwrap()
        );
    }
}

#[test]
fn json_object_in_and_out() {
    let pairs: Pairs<String, String> =
        serde_json::from_str(r#"{"b": "2", "a": "1", "c": "3", "a": "last"}"#).unwrap();
    assert_eq!(
        pairs.keys().map(String::as_str).collect::<Vec<_>>(),
        ["a", "b", "c"]
    );
    assert_eq!(pairs.get("a").map(String::as_str), Some("last"));
    assert_eq!(
        serde_json::to_string(&pairs).unwrap(),
        r#"{"a":"last","b":"2","c":"3"}"#
    );
    let refused = serde_json::from_str::<Pairs<String, String>>(r#"["a", "b"]"#).unwrap_err();
    assert!(
        refused.to_string().contains("expected an object"),
        "{refused}"
    );
    let wrong = serde_json::from_str::<Pairs<String, u8>>(r#"{"a": "x"}"#).unwrap_err();
    assert!(wrong.to_string().contains("expected u8"), "{wrong}");
}
