//! The action panels (Assign owner, Change status, Suppression rule, Quick Fix, Settings,
//! Activity) and the commands that open them from the command bar, the panes and the header.
//! Each panel previews its exact requests, keeps what the user typed when a request fails, and
//! records what it sent in the session's activity list.

mod activity;
mod alert_status;
mod assign_owner;
mod commands;
mod exempt;
mod exemptions;
mod owners;
mod pane_commands;
mod panel;
mod preview;
mod quick_fix;
mod results;
mod rules;
mod settings;
mod suppression;

pub use commands::SelectionCommands;
pub use pane_commands::{alert_commands, recommendation_commands};
pub use preview::CopyableCode;
pub use rules::ExistingRules;

use crate::state::session::{Panel, Session};
use crate::ui::lazy::{deferred, lazy_part};
use leptos::prelude::*;

/// The open panel, if any. The panels are a lazy part: the first paint never needs them.
#[component]
pub fn ActionPanels() -> impl IntoView {
    let actions = Session::expect();
    move || {
        actions.panel.get().map(|panel| {
            let title = panel.command();
            let frame = move |status| in_panel(title, status);
            deferred("the action panels", load_panels, frame, move |show| {
                show(panel)
            })
        })
    }
}

/// While the panels download (or if they cannot), a side panel titled as the command says so,
/// and closes as the panels do.
fn in_panel(title: &'static str, status: AnyView) -> AnyView {
    let actions = Session::expect();
    let close = Callback::new(move |()| actions.panel.set(None));
    view! {
        <panel::SidePanel title=title on_close=close>
            {status}
        </panel::SidePanel>
    }
    .into_any()
}

lazy_part!(load_panels, action_panels -> fn(Panel) -> AnyView = panel_view);

fn panel_view(panel: Panel) -> AnyView {
    match panel {
        Panel::AssignOwner(ids) => view! { <assign_owner::AssignOwnerPanel ids=ids /> }.into_any(),
        Panel::AlertStatus(ids) => view! { <alert_status::AlertStatusPanel ids=ids /> }.into_any(),
        Panel::Suppress(id) => view! { <suppression::SuppressionPanel alert_id=id /> }.into_any(),
        Panel::QuickFix(id) => {
            view! { <quick_fix::QuickFixPanel recommendation_id=id /> }.into_any()
        }
        Panel::Settings => view! { <settings::SettingsPanel /> }.into_any(),
        Panel::Activity => view! { <activity::ActivityPanel /> }.into_any(),
        Panel::Owners => view! { <owners::OwnersPanel /> }.into_any(),
        Panel::Exempt(ids) => view! { <exempt::ExemptPanel ids=ids /> }.into_any(),
        Panel::Exemptions => view! { <exemptions::ExemptionsPanel /> }.into_any(),
    }
}
