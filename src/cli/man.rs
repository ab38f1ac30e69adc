//! `gnlc man`: one roff manual page generated from the clap definitions (`clap_mangen`), so
//! it cannot drift from `--help`.
//!
//! `clap_mangen`'s whole-page render lists subcommands as separate pages (`gnlc-list(1)`) that
//! would have to be installed too; this page instead carries every command's synopsis,
//! description and options in a COMMANDS section, built from the same section renderers.

use clap_mangen::Man;
use std::io;

/// The manual page of `command` (the `gnlc` command line), as roff.
pub fn page(command: clap::Command) -> io::Result<Vec<u8>> {
    let mut command = command.disable_help_subcommand(true);
    command.build();
    let man = Man::new(command.clone());
    let mut parts: Vec<Vec<u8>> = vec![
        rendered(|w| man.render_title(w))?,
        rendered(|w| man.render_name_section(w))?,
        rendered(|w| man.render_synopsis_section(w))?,
        rendered(|w| man.render_description_section(w))?,
        rendered(|w| man.render_options_section(w))?,
    ];
    let mut commands = b".SH COMMANDS\n".to_vec();
    for sub in command.get_subcommands() {
        let name = format!("gnlc {}", sub.get_name());
        let sub_man = Man::new(sub.clone().bin_name(name.clone()));
        commands.extend_from_slice(format!(".SS \"{name}\"\n").as_bytes());
        let mut text = Vec::new();
        sub_man.render_synopsis_section(&mut text)?;
        sub_man.render_description_section(&mut text)?;
        if sub.get_arguments().next().is_some() {
            sub_man.render_options_section(&mut text)?;
        }
        for line in String::from_utf8_lossy(&text).lines() {
            let line = match line {
                ".SH SYNOPSIS" => continue,
                ".SH DESCRIPTION" => ".P",
                ".SH OPTIONS" => ".P\nOptions:",
                line if is_preamble(line) => continue,
                line => line,
            };
            commands.extend_from_slice(line.as_bytes());
            commands.push(b'\n');
        }
    }
    parts.push(commands);
    // The examples are laid out in columns: no filling.
    let extra = String::from_utf8_lossy(&rendered(|w| man.render_extra_section(w))?).replacen(
        ".SH EXTRA\n",
        ".SH EXAMPLES\n.nf\n",
        1,
    ) + ".fi\n";
    parts.push(extra.into_bytes());
    parts.push(rendered(|w| man.render_version_section(w))?);
    // Every section renderer starts with the same two preamble lines; keep the first only.
    let mut page = Vec::new();
    for (i, part) in parts.iter().enumerate() {
        for line in String::from_utf8_lossy(part).lines() {
            if i > 0 && is_preamble(line) {
                continue;
            }
            page.extend_from_slice(line.as_bytes());
            page.push(b'\n');
        }
    }
    Ok(page)
}

/// What one section renderer writes.
fn rendered(render: impl FnOnce(&mut dyn io::Write) -> io::Result<()>) -> io::Result<Vec<u8>> {
    let mut buffer = Vec::new();
    render(&mut buffer)?;
    Ok(buffer)
}

/// The definition of the `Aq` string that starts every rendered section.
fn is_preamble(line: &str) -> bool {
    line.starts_with(".ie \\n(.g .ds Aq") || line.starts_with(".el .ds Aq")
}
