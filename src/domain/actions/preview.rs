//! A request as the user previews it before sending, with its `az rest` equivalent.

/// Method, absolute URL, extra headers and JSON body of one ARM request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestPreview {
    pub method: &'static str,
    pub url: String,
    pub headers: Vec<(String, String)>,
    /// Pretty-printed JSON, if the request has a body.
    pub body: Option<String>,
    /// The same body on one line (for the command).
    pub compact_body: Option<String>,
}

impl RequestPreview {
    /// The request as an Azure CLI command (`az rest` signs it with the CLI's own sign-in).
    pub fn az_rest(&self) -> String {
        let mut command = format!(
            "az rest --method {} --url {}",
            self.method.to_ascii_lowercase(),
            shell_quote(&self.url)
        );
        for (name, value) in &self.headers {
            command.push_str(&format!(
                " --headers {}",
                shell_quote(&format!("{name}={value}"))
            ));
        }
        if let Some(body) = &self.compact_body {
            command.push_str(&format!(" --body {}", shell_quote(body)));
        }
        command
    }

    /// The first line of an HTTP request, e.g. `PUT https://…`.
    pub fn line(&self) -> String {
        format!("{} {}", self.method, self.url)
    }
}

/// POSIX single quoting: safe for any text, including quotes and `$` inside alert data.
pub fn shell_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', r#"'\''"#))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_everything_a_shell_would_interpret() {
        let p = RequestPreview {
            method: "PUT",
            url: "https://management.azure.com/x?api-version=1&a=$b".into(),
            headers: vec![("If-Match".into(), "\"abc\"".into())],
            body: Some("{}".into()),
            compact_body: Some(r#"{"comment":"it's $(rm -rf /)"}"#.into()),
        };
        assert_eq!(
            p.az_rest(),
            concat!(
                r#"az rest --method put --url 'https://management.azure.com/x?api-version=1&a=$b'"#,
                r#" --headers 'If-Match="abc"' --body '{"comment":"it'\''s $(rm -rf /)"}'"#,
            )
        );
    }
}
