//! The JSON Schema of the questionnaire format, derived from the Rust types, is committed at
//! `src/content/questionnaire.schema.json` and shipped in `dist/`. This test fails when the
//! types and the file drift apart; `SCHEMA_UPDATE=1 cargo test` rewrites the file.

use serde_json::Value;
use smi_widget::content;
use smi_widget::engine::Questionnaire;

const PATH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/src/content/questionnaire.schema.json"
);

fn generated() -> String {
    let mut schema = serde_json::to_value(schemars::schema_for!(Questionnaire)).unwrap();
    schema["title"] = "SMI widget questionnaire".into();
    serde_json::to_string_pretty(&schema).unwrap() + "\n"
}

#[test]
fn the_committed_schema_matches_the_types() {
    let generated = generated();
    if std::env::var_os("SCHEMA_UPDATE").is_some() {
        std::fs::write(PATH, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(PATH).unwrap_or_default();
    assert!(
        committed == generated,
        "{PATH} is out of date with the Rust types: run `SCHEMA_UPDATE=1 cargo test schema` and commit it"
    );
}

/// Every object in the shipped questionnaire uses only properties the schema lists, and all
/// it requires: a small structural check that the schema describes the real file.
#[test]
fn the_shipped_questionnaire_fits_the_schema() {
    let schema: Value = serde_json::from_str(&generated()).unwrap();
    let data: Value = serde_json::from_str(content::QUESTIONNAIRE_EN).unwrap();
    check(&schema, &schema, &data, "$");
}

fn resolve<'a>(root: &'a Value, node: &'a Value) -> &'a Value {
    match node.get("$ref").and_then(Value::as_str) {
        Some(r) => root
            .pointer(r.trim_start_matches('#'))
            .expect("a resolvable $ref"),
        None => node,
    }
}

fn check(root: &Value, node: &Value, data: &Value, at: &str) {
    let node = resolve(root, node);
    match data {
        Value::Object(map) => {
            let props = node["properties"]
                .as_object()
                .unwrap_or_else(|| panic!("{at}: no properties in schema"));
            assert_eq!(node["additionalProperties"], false, "{at}: closed objects");
            for key in map.keys() {
                assert!(props.contains_key(key), "{at}.{key} is not in the schema");
            }
            for required in node["required"].as_array().into_iter().flatten() {
                assert!(
                    map.contains_key(required.as_str().unwrap()),
                    "{at}: missing {required}"
                );
            }
            for (key, value) in map {
                check(root, &props[key], value, &format!("{at}.{key}"));
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                check(root, &node["items"], item, &format!("{at}[{i}]"));
            }
        }
        _ => {}
    }
}
