//! The JSON Schemas of the questionnaire and benchmark pack formats, derived from the Rust
//! types, are committed at `engine/content/*.schema.json` and shipped in `dist/`. These tests
//! fail when the types and the files drift apart; `SCHEMA_UPDATE=1 cargo test schema`
//! rewrites the files.

use serde_json::Value;
use smi_engine::content;
use smi_engine::result::benchmark::Pack;
use smi_engine::Questionnaire;

fn generated(schema: schemars::Schema, title: &str) -> String {
    let mut schema = serde_json::to_value(schema).unwrap();
    schema["title"] = title.into();
    serde_json::to_string_pretty(&schema).unwrap() + "\n"
}

fn questionnaire_schema() -> String {
    generated(
        schemars::schema_for!(Questionnaire),
        "SMI widget questionnaire",
    )
}

fn pack_schema() -> String {
    generated(schemars::schema_for!(Pack), "SMI widget benchmark pack")
}

fn matches_committed(name: &str, generated: &str) {
    let path = format!("engine/content/{name}.schema.json");
    crate::support::matches_committed(&path, generated, "SCHEMA_UPDATE", "schema");
}

#[test]
fn the_committed_schemas_match_the_types() {
    matches_committed("questionnaire", &questionnaire_schema());
    matches_committed("benchmark", &pack_schema());
}

/// Every object in the shipped questionnaire uses only properties the schema lists, and all
/// it requires: a small structural check that the schema describes the real file.
#[test]
fn the_shipped_questionnaire_fits_the_schema() {
    let schema: Value = serde_json::from_str(&questionnaire_schema()).unwrap();
    let data: Value = serde_json::from_str(content::QUESTIONNAIRE_EN).unwrap();
    check(&schema, &schema, &data, "$");
}

/// The same for the sample pack the configurator and the demo use.
#[test]
fn the_sample_pack_fits_the_schema() {
    let schema: Value = serde_json::from_str(&pack_schema()).unwrap();
    let text = std::fs::read_to_string(format!(
        "{}/examples/benchmark-sample.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let data: Value = serde_json::from_str(&text).unwrap();
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
