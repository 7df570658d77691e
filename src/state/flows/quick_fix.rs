//! Quick Fix as one explicit state machine: enter what the fix needs → review (read the cluster,
//! build the change and its exact request) → apply (`PUT` with `If-Match`, follow the operation,
//! re-read the recommendation) → done. A stale ETag (412) sends the user back to review: the
//! prepared change could only overwrite someone else's. The panel renders [`FixStep`] and calls
//! [`QuickFixFlow::review`], [`QuickFixFlow::apply`] and [`QuickFixFlow::edit`].

use crate::browser::clock;
use crate::domain::actions::{ActivityEntry, Fix, FixInput};
use crate::state::actions::FailureKind;
use crate::state::actions::quick_fix::{Prepared, apply, prepare, reread};
use crate::state::session::Session;
use leptos::prelude::*;

/// Where the Quick Fix is.
#[derive(Debug, Clone)]
pub enum FixStep {
    /// Entering what the fix needs; `problem` is why the last try did not go through.
    Editing { problem: Option<String> },
    /// Reading the cluster to build the change.
    Reviewing,
    /// The change is ready to apply: what changes, and the exact request.
    Ready {
        prepared: Prepared,
        problem: Option<String>,
    },
    /// The change was sent: the operation's progress so far.
    Applying {
        prepared: Prepared,
        progress: Vec<String>,
    },
    /// Finished: what happened, the change that was sent, and the progress it went through.
    Done {
        prepared: Prepared,
        message: String,
        progress: Vec<String>,
    },
}

impl FixStep {
    /// A request is on its way: the buttons wait.
    pub fn busy(&self) -> bool {
        matches!(self, FixStep::Reviewing | FixStep::Applying { .. })
    }

    /// The change being reviewed, applied, or that was applied.
    pub fn prepared(&self) -> Option<&Prepared> {
        match self {
            FixStep::Ready { prepared, .. }
            | FixStep::Applying { prepared, .. }
            | FixStep::Done { prepared, .. } => Some(prepared),
            _ => None,
        }
    }

    pub fn done(&self) -> Option<&str> {
        match self {
            FixStep::Done { message, .. } => Some(message),
            _ => None,
        }
    }

    pub fn problem(&self) -> Option<&str> {
        match self {
            FixStep::Editing { problem } | FixStep::Ready { problem, .. } => problem.as_deref(),
            _ => None,
        }
    }

    pub fn progress(&self) -> &[String] {
        match self {
            FixStep::Applying { progress, .. } | FixStep::Done { progress, .. } => progress,
            _ => &[],
        }
    }
}

/// One recommendation's Quick Fix: its state, and the two requests' actions.
#[derive(Clone, Copy)]
pub struct QuickFixFlow {
    pub step: RwSignal<FixStep>,
    review: Action<FixInput, ()>,
    apply: Action<Prepared, ()>,
}

impl QuickFixFlow {
    /// The flow of `fix` for the recommendation `recommendation` (id, name).
    pub fn new(fix: Fix, recommendation: (String, String)) -> QuickFixFlow {
        let actions = Session::expect();
        let step = RwSignal::new(FixStep::Editing { problem: None });
        let review = Action::new_local(move |input: &FixInput| {
            let (client, cluster, input) = (actions.client(), actions.cluster(), input.clone());
            step.set(FixStep::Reviewing);
            async move {
                step.set(match prepare(&client, &cluster, fix, &input).await {
                    Ok(prepared) => FixStep::Ready {
                        prepared,
                        problem: None,
                    },
                    Err(e) => FixStep::Editing { problem: Some(e) },
                });
            }
        });
        let recommendation = StoredValue::new(recommendation);
        let apply = Action::new_local(move |prepared: &Prepared| {
            let (client, prepared) = (actions.client(), prepared.clone());
            let (id, name) = recommendation.get_value();
            step.set(FixStep::Applying {
                prepared: prepared.clone(),
                progress: Vec::new(),
            });
            async move {
                let applied = apply(&client, &prepared, |line| {
                    step.update(|s| {
                        if let FixStep::Applying { progress, .. } = s {
                            progress.push(line);
                        }
                    })
                })
                .await;
                let outcome = match &applied {
                    Err(e) => Err(e.to_string()),
                    Ok(()) => Ok(match reread(&client, &id).await {
                        Ok(true) => {
                            actions.patch(|d| mark_healthy(d, &id));
                            "The cluster was updated and the recommendation is now healthy."
                                .to_string()
                        }
                        Ok(false) => {
                            // Its row says "Applied" until a Refresh shows Defender's verdict.
                            actions.patch(|d| {
                                d.applied.insert(id.clone());
                            });
                            "The cluster was updated. Defender for Cloud re-evaluates it within \
                             24 hours; until then the recommendation stays Unhealthy."
                                .to_string()
                        }
                        Err(e) => format!("The cluster was updated, but {e}"),
                    }),
                };
                actions.record(ActivityEntry {
                    time: clock::local_time(),
                    what: format!("Quick Fix: {}", fix.label()),
                    target: name,
                    outcome: outcome.clone(),
                    requests: vec![prepared.preview.clone()],
                });
                let progress = step.with_untracked(|s| s.progress().to_vec());
                step.set(match (outcome, applied) {
                    (Ok(message), _) => FixStep::Done {
                        prepared,
                        message,
                        progress,
                    },
                    // Someone changed the cluster since it was read: review it again.
                    (Err(problem), Err(e)) if e.kind == FailureKind::Stale => FixStep::Editing {
                        problem: Some(problem),
                    },
                    (Err(problem), _) => FixStep::Ready {
                        prepared,
                        problem: Some(problem),
                    },
                });
            }
        });
        QuickFixFlow {
            step,
            review,
            apply,
        }
    }

    /// Reads the cluster and builds the change for `input`.
    pub fn review(&self, input: FixInput) {
        self.review.dispatch(input);
    }

    /// Sends the prepared change.
    pub fn apply(&self) {
        if let Some(prepared) = self.step.with_untracked(|s| s.prepared().cloned()) {
            self.apply.dispatch(prepared);
        }
    }

    /// Back to the form (the prepared change is dropped).
    pub fn edit(&self) {
        self.step.set(FixStep::Editing { problem: None });
    }
}

/// The data on screen after the recommendation was re-read healthy.
pub fn mark_healthy(data: &mut crate::domain::ClusterData, recommendation_id: &str) {
    if let Some(r) = data
        .recommendations
        .iter_mut()
        .find(|r| r.id == recommendation_id)
    {
        r.unhealthy = false;
    }
}
