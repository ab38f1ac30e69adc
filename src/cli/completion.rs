//! Shell completion of facet values: `--region`, `--country`, `--cluster` and `--joined`
//! complete to the values of the bundled data, not to file names.
//!
//! The flags are declared without possible values (parsing is each kind's own `parse`, which
//! is case-insensitive and knows ranges), so the values are added only to the command that
//! `gnlc completions` generates from, read from `Dataset::bundled()` at that moment.

use crate::facet::KINDS;
use crate::model::Dataset;
use crate::query::Engine;
use clap::builder::PossibleValue;

/// `command` with each facet flag (at the top and on every subcommand that has it) offering
/// the bundled data's values of its kind.
pub fn with_values(command: clap::Command) -> clap::Command {
    let engine = Engine::new(Dataset::bundled());
    let values: Vec<(&'static str, Vec<String>)> = KINDS
        .iter()
        .map(|kind| {
            let keys = engine.values(kind).iter().map(|v| v.key().into_owned());
            (kind.id, keys.collect())
        })
        .collect();
    add_values(command, &values)
}

fn add_values(mut command: clap::Command, values: &[(&'static str, Vec<String>)]) -> clap::Command {
    for (id, list) in values {
        if command.get_arguments().any(|a| a.get_id() == *id) {
            let possible: Vec<PossibleValue> =
                list.iter().map(|v| PossibleValue::new(v.clone())).collect();
            command = command.mut_arg(*id, |arg| {
                arg.value_parser(clap::builder::PossibleValuesParser::new(possible))
                    .value_hint(clap::ValueHint::Other)
                    .hide_possible_values(true)
            });
        }
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        command = command.mut_subcommand(name, |sub| add_values(sub, values));
    }
    command
}
