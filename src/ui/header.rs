//! The page header (cluster, data source, plan status, Refresh) and the prerequisites banner.

use crate::browser::theme;
use crate::domain::{ClusterInfo, PlanStatus};
use crate::state::session::{Panel, Session};
use leptos::prelude::*;

/// What the header says about where the data comes from.
#[derive(Debug, Clone)]
pub enum DataSourceLabel {
    /// The embedded demo cluster.
    Demo,
    /// Azure, as this signed-in user (name shown, with Sign out).
    Azure {
        user: String,
        on_sign_out: Callback<()>,
    },
}

/// The cluster's name and facts, a "Demo" label when the data is the embedded demo cluster, the
/// Defender for Containers status and the Refresh command.
#[component]
pub fn Header(
    /// The cluster shown.
    cluster: ClusterInfo,
    /// Plan coverage (changes when Settings saves).
    #[prop(into)]
    plan: Signal<PlanStatus>,
    /// The plans could be read (otherwise the status is unknown, not "off").
    plan_known: bool,
    /// Demo data, or Azure as a signed-in user.
    source: DataSourceLabel,
    /// A reload is in progress.
    refreshing: Signal<bool>,
    /// Reloads the data.
    on_refresh: impl Fn() + Send + Sync + 'static,
    /// Opens the CSV export dialog.
    on_export: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    let status = move || match plan_known {
        true => plan.with(plan_text),
        false => "Microsoft Defender for Containers: status unknown".to_string(),
    };
    let on = move || plan.with(|p| p.containers_on) && plan_known;
    let actions = use_context::<Session>();
    let facts = format!(
        "Kubernetes service · {} · {} · Kubernetes {}",
        cluster.resource_group, cluster.location, cluster.kubernetes_version,
    );
    let demo = matches!(source, DataSourceLabel::Demo);
    view! {
        <header class="header">
            <div class="header__title">
                <a class="header__back" href=crate::ui::fleet::back_link()>
                    "All clusters"
                </a>
                <span class="header__sep" aria-hidden="true">
                    "›"
                </span>
                <h1 class="header__cluster">{cluster.name.clone()}</h1>
                <Show when=move || demo>
                    <span class="badge badge--demo" title="Embedded demo data, not a real cluster">
                        "Demo"
                    </span>
                </Show>
                <p class="header__facts">{facts}</p>
            </div>
            <div class="header__plan" data-testid="plan-status">
                <span class="plan-dot" class:plan-dot--on=on></span>
                {status}
            </div>
            <PageCommands
                refreshing=refreshing
                on_refresh=Callback::new(move |()| on_refresh())
                on_export=Callback::new(move |()| on_export())
                source=source
            >
                {actions.map(|actions| view! { <SessionCommands actions=actions /> })}
            </PageCommands>
        </header>
    }
}

/// A page's command bar: Refresh, Download CSV report, the page's own commands (children), the
/// theme, and who is signed in.
#[component]
pub fn PageCommands(
    refreshing: Signal<bool>,
    on_refresh: Callback<()>,
    on_export: Callback<()>,
    source: DataSourceLabel,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    view! {
        <div class="commandbar" role="toolbar" aria-label="Commands">
            <button
                type="button"
                class="commandbar__button"
                disabled=refreshing
                on:click=move |_| on_refresh.run(())
            >
                {move || if refreshing.get() { "Refreshing…" } else { "Refresh" }}
            </button>
            <button type="button" class="commandbar__button" on:click=move |_| on_export.run(())>
                "Download CSV report"
            </button>
            {children.map(|c| c())}
            <ThemePicker />
            {match source {
                DataSourceLabel::Azure { user, on_sign_out } => {
                    Some(view! { <SignedInAs user=user on_sign_out=on_sign_out /> })
                }
                DataSourceLabel::Demo => None,
            }}
        </div>
    }
}

/// Settings and the session's Activity list (with how many entries it holds).
#[component]
fn SessionCommands(actions: Session) -> impl IntoView {
    let exemptions = move || format!("Exemptions ({})", actions.data.with(|d| d.exemptions.len()));
    let activity = move || match actions.activity.with(Vec::len) {
        0 => "Activity".to_string(),
        n => format!("Activity ({n})"),
    };
    view! {
        <button
            type="button"
            class="commandbar__button"
            on:click=move |_| actions.open(Panel::Settings)
        >
            "Settings"
        </button>
        <button
            type="button"
            class="commandbar__button"
            on:click=move |_| actions.open(Panel::Owners)
        >
            "Owners"
        </button>
        <button
            type="button"
            class="commandbar__button"
            on:click=move |_| actions.open(Panel::Exemptions)
        >
            {exemptions}
        </button>
        <button
            type="button"
            class="commandbar__button"
            on:click=move |_| actions.open(Panel::Activity)
        >
            {activity}
        </button>
    }
}

/// Who is signed in, and Sign out.
#[component]
fn SignedInAs(user: String, on_sign_out: Callback<()>) -> impl IntoView {
    view! {
        <span class="commandbar__user">{user}</span>
        <button type="button" class="commandbar__button" on:click=move |_| on_sign_out.run(())>
            "Sign out"
        </button>
    }
}

/// Light, dark, or the OS's theme; remembered in this browser.
#[component]
fn ThemePicker() -> impl IntoView {
    let initial = theme::stored();
    theme::apply(&initial);
    let options = [
        ("system", "System theme"),
        ("light", "Light"),
        ("dark", "Dark"),
    ];
    view! {
        <label class="commandbar__theme">
            <span class="visually-hidden">"Theme"</span>
            <select
                class="commandbar__select"
                on:change=move |ev| theme::choose(&event_target_value(&ev))
            >
                {options
                    .into_iter()
                    .map(|(value, label)| {
                        view! {
                            <option value=value selected=value == initial>
                                {label}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}

/// "Microsoft Defender for Containers: On (inherited from the subscription)" and similar.
pub fn plan_text(plan: &PlanStatus) -> String {
    let state = match (plan.containers_on, plan.inherited) {
        (true, true) => "On (inherited from the subscription)",
        (true, false) => "On (set on this cluster)",
        (false, true) => "Off (subscription setting)",
        (false, false) => "Off for this cluster",
    };
    format!("Microsoft Defender for Containers: {state}")
}

/// Shown when neither Defender for Containers nor Defender CSPM covers the cluster: nothing else
/// on the page can be complete without one of them.
#[component]
pub fn PrerequisitesBanner(
    /// Plan coverage.
    plan: PlanStatus,
) -> impl IntoView {
    (!plan.prerequisites_met()).then(|| {
        view! {
            <div class="banner banner--warning" role="alert">
                <strong>"Findings are incomplete. "</strong>
                "Neither Defender for Containers (on the subscription or this cluster) nor \
                 Defender CSPM (on the subscription) is enabled, so vulnerabilities and \
                 misconfigurations are not assessed. Turn on one of the plans in "
                {match use_context::<Session>() {
                    Some(actions) => {
                        view! {
                            <button
                                type="button"
                                class="button button--link"
                                on:click=move |_| actions.open(Panel::Settings)
                            >
                                "Settings"
                            </button>
                        }
                            .into_any()
                    }
                    None => "Settings".into_any(),
                }}
                "."
            </div>
        }
    })
}
