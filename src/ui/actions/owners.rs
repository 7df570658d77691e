//! The Owners view: who holds the cluster's open recommendations, how many each, and how many
//! are overdue, in grace period or on time. An owner opens Misconfigurations filtered to them.

use super::panel::SidePanel;
use crate::browser::clock;
use crate::domain::FindingType;
use crate::domain::owners::owner_loads;
use crate::state::ViewState;
use crate::state::session::Session;
use crate::ui::shown;
use leptos::prelude::*;

#[component]
pub fn OwnersPanel() -> impl IntoView {
    let actions = Session::expect();
    let view_state = ViewState::expect();
    let loads = actions
        .data
        .with_untracked(|d| owner_loads(d, clock::today()));
    let show = move |owner: String| {
        view_state.show_tab(FindingType::Misconfiguration);
        view_state.update_query(|q| q.set_filter("owner", [owner].into()));
        actions.close();
    };
    let rows = loads
        .into_iter()
        .map(|l| {
            let owner = l.owner.clone();
            view! {
                <tr>
                    <th scope="row">
                        <button
                            type="button"
                            class="button button--subtle"
                            title="Show their recommendations"
                            on:click=move |_| show(owner.clone())
                        >
                            {shown(&l.owner)}
                        </button>
                    </th>
                    <td class="grid__numeric">{l.items}</td>
                    <td class="grid__numeric">{l.overdue}</td>
                    <td class="grid__numeric">{l.in_grace_period}</td>
                    <td class="grid__numeric">{l.on_time}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <SidePanel on_close=Callback::new(move |()| actions.close()) title="Owners">
            <p class="form-field__hint">
                "Open recommendations with an owner, by owner. Overdue: past the due date; in \
                 grace period: not yet due, the secure score unaffected until then."
            </p>
            <table class="pane__table" data-testid="owners">
                <thead>
                    <tr>
                        <th scope="col">"Owner"</th>
                        <th scope="col">"Items"</th>
                        <th scope="col">"Overdue"</th>
                        <th scope="col">"In grace period"</th>
                        <th scope="col">"On time"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </SidePanel>
    }
}
