// Starts `alliance-cite lsp --stdio` for Markdown and hands it the `lsp.alliance-cite` settings
// of Zed's settings.json. The server itself comes from npm (`npm install --global alliance-cite`).
use zed_extension_api::{self as zed, serde_json, settings::LspSettings, LanguageServerId, Result};

struct AllianceCite;

impl zed::Extension for AllianceCite {
    fn new() -> Self {
        AllianceCite
    }

    fn language_server_command(&mut self, _id: &LanguageServerId, worktree: &zed::Worktree) -> Result<zed::Command> {
        let command = worktree
            .which("alliance-cite")
            .ok_or_else(|| "alliance-cite is not on the PATH: install it with `npm install --global alliance-cite`".to_string())?;
        Ok(zed::Command {
            command,
            args: vec!["lsp".into(), "--stdio".into()],
            env: worktree.shell_env(),
        })
    }

    fn language_server_initialization_options(&mut self, id: &LanguageServerId, worktree: &zed::Worktree) -> Result<Option<serde_json::Value>> {
        Ok(LspSettings::for_worktree(id.as_ref(), worktree).ok().and_then(|s| s.settings))
    }

    fn language_server_workspace_configuration(&mut self, id: &LanguageServerId, worktree: &zed::Worktree) -> Result<Option<serde_json::Value>> {
        Ok(LspSettings::for_worktree(id.as_ref(), worktree).ok().and_then(|s| s.settings))
    }
}

zed::register_extension!(AllianceCite);
