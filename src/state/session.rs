//! The dashboard's reactive session: the ARM client, the cluster, the data on screen (patched in
//! place when an action succeeds), the open panel, the session's activity list and the rules
//! already read. The flows (`state::flows`) act through it; `ViewState` holds what the user
//! looks at.

use crate::arm::actions::Planned;
use crate::arm::transport::any::AnyTransport;
use crate::arm::{ArmClient, ClusterId};
use crate::domain::ClusterData;
use crate::domain::actions::{ActivityEntry, RequestPreview, SuppressionRule};
use leptos::prelude::*;
use std::collections::BTreeMap;
use std::sync::Arc;

/// The client every action sends through (Azure or the demo, erased).
pub type AnyClient = ArmClient<AnyTransport>;

/// Which side panel is open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Panel {
    /// Assign owner to these recommendations (ARM ids).
    AssignOwner(Vec<String>),
    /// Change the status of these alerts (ARM ids).
    AlertStatus(Vec<String>),
    /// Create a suppression rule from this alert.
    Suppress(String),
    /// Quick Fix for this recommendation.
    QuickFix(String),
    /// Defender for Containers settings for the cluster.
    Settings,
    /// The session's activity list.
    Activity,
    /// Each owner's open items and how many are overdue.
    Owners,
    /// Exempt these recommendations (ARM ids).
    Exempt(Vec<String>),
    /// Every exemption touching the cluster.
    Exemptions,
}

impl Panel {
    /// The command that opens it, as its button says: the title of the panel's stand-in while
    /// the panels download (`ui::actions`).
    pub fn command(&self) -> &'static str {
        match self {
            Panel::AssignOwner(_) => "Assign owner",
            Panel::AlertStatus(_) => "Change status",
            Panel::Suppress(_) => "Suppression rule",
            Panel::QuickFix(_) => "Quick Fix",
            Panel::Settings => "Settings",
            Panel::Activity => "Activity",
            Panel::Owners => "Owners",
            Panel::Exempt(_) => "Exempt",
            Panel::Exemptions => "Exemptions",
        }
    }
}

/// The session, provided by the dashboard. `Copy`: signals and stored values.
#[derive(Clone, Copy)]
pub struct Session {
    client: StoredValue<AnyClient, LocalStorage>,
    cluster: StoredValue<ClusterId>,
    /// The data on screen; actions patch it when they succeed.
    pub data: RwSignal<Arc<ClusterData>>,
    pub panel: RwSignal<Option<Panel>>,
    pub activity: RwSignal<Vec<ActivityEntry>>,
    /// Counts the suppression rules created this session: every list of rules on screen (the
    /// alert's pane, the panel) reads them again when it changes.
    pub rules_changed: RwSignal<u32>,
    /// The rules already read, by alert type: the alert pane is rebuilt whenever the data is
    /// patched and reopened as the user moves through alerts, and must not read them each time.
    /// A new load (Refresh) starts empty.
    rules: StoredValue<BTreeMap<String, Vec<SuppressionRule>>>,
}

impl Session {
    /// Provides the actions for `data`, sending through `client`.
    pub fn provide(client: AnyClient, cluster: ClusterId, data: Arc<ClusterData>) -> Session {
        // The activity list belongs to the session, not to one load: a Refresh keeps it.
        let activity = use_context::<SessionActivity>()
            .map(|s| s.0)
            .unwrap_or_else(|| RwSignal::new(Vec::new()));
        let actions = Session {
            client: StoredValue::new_local(client),
            cluster: StoredValue::new(cluster),
            data: RwSignal::new(data),
            panel: RwSignal::new(None),
            activity,
            rules_changed: RwSignal::new(0),
            rules: StoredValue::new(BTreeMap::new()),
        };
        provide_context(actions);
        actions
    }

    pub fn expect() -> Session {
        expect_context::<Session>()
    }

    /// The rules read earlier for `alert_type`, if any.
    pub fn known_rules(&self, alert_type: &str) -> Option<Vec<SuppressionRule>> {
        self.rules.with_value(|r| r.get(alert_type).cloned())
    }

    /// Keeps the rules just read for `alert_type`.
    pub fn remember_rules(&self, alert_type: &str, rules: Vec<SuppressionRule>) {
        self.rules.update_value(|r| {
            r.insert(alert_type.to_string(), rules);
        });
    }

    /// A rule was created: what was read is stale, and every list on screen reads again.
    pub fn rule_created(&self) {
        self.rules.update_value(BTreeMap::clear);
        self.rules_changed.update(|n| *n += 1);
    }

    /// A clone of the client, to move into a task.
    pub fn client(&self) -> AnyClient {
        self.client.get_value()
    }

    pub fn cluster(&self) -> ClusterId {
        self.cluster.get_value()
    }

    /// The preview of a planned request against this client's endpoint.
    pub fn preview(&self, planned: &Planned) -> RequestPreview {
        self.client.with_value(|c| planned.preview(c.endpoint()))
    }

    /// Changes the data on screen (copy-on-write: the previous load's data stays intact).
    pub fn patch(&self, change: impl FnOnce(&mut ClusterData)) {
        self.data.update(|d| change(Arc::make_mut(d)));
    }

    /// Adds an entry to the activity list (newest first).
    pub fn record(&self, entry: ActivityEntry) {
        self.activity.update(|a| a.insert(0, entry));
    }

    /// Opens a panel (replacing any open one).
    pub fn open(&self, panel: Panel) {
        self.panel.set(Some(panel));
    }

    pub fn close(&self) {
        self.panel.set(None);
    }
}

/// The activity list's owner above the dashboard, so a Refresh (which rebuilds the dashboard)
/// does not lose it.
#[derive(Clone, Copy)]
pub struct SessionActivity(pub RwSignal<Vec<ActivityEntry>>);

impl SessionActivity {
    pub fn provide() {
        provide_context(SessionActivity(RwSignal::new(Vec::new())));
    }
}
