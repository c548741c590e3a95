//! The OpenAPI 3 description of `/api/v1`, hand-written in `src/openapi.json` and checked
//! against [`crate::API_ROUTES`] by a test (every route documented, nothing documented that
//! does not exist).

/// The OpenAPI document served at `/api/v1/openapi.json`.
pub const OPENAPI_JSON: &str = include_str!("openapi.json");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_is_documented_and_nothing_else() {
        let doc: serde_json::Value = serde_json::from_str(OPENAPI_JSON).expect("valid JSON");
        assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
        let paths = doc["paths"].as_object().expect("paths");
        let mut documented: Vec<(String, String)> = Vec::new();
        for (path, item) in paths {
            for method in item.as_object().unwrap().keys() {
                if ["get", "post", "put", "delete", "patch"].contains(&method.as_str()) {
                    documented.push((path.clone(), method.clone()));
                }
            }
        }
        let mut routed: Vec<(String, String)> = crate::API_ROUTES
            .iter()
            .flat_map(|r| {
                r.methods
                    .iter()
                    .map(|m| (r.path.to_owned(), (*m).to_owned()))
            })
            .collect();
        documented.sort();
        routed.sort();
        assert_eq!(documented, routed);
        // Every documented filter parameter exists, and every filter is documented.
        let params = doc["components"]["parameters"].as_object().unwrap();
        for p in crate::FILTER_PARAMS {
            assert!(
                params.values().any(|v| v["name"] == p),
                "filter {p} undocumented"
            );
        }
    }
}
