//! The owner workflow over the demo cluster: each owner's state as of a given day, their ETA
//! and ServiceNow ticket read from the assignment, and the Owners view's counts.

mod common;

use aks_security_dashboard::domain::actions::Date;
use aks_security_dashboard::domain::owners::owner_loads;
use aks_security_dashboard::domain::{OwnerState, Ticket};

fn day(text: &str) -> Date {
    Date::parse(text).unwrap()
}

#[test]
fn the_demo_has_owners_overdue_in_grace_and_on_time_and_a_servicenow_ticket() {
    let data = common::demo_data();
    let today = day("2026-11-28");
    let owned: Vec<_> = data
        .recommendations
        .iter()
        .filter_map(|r| r.owner.as_ref())
        .collect();
    assert_eq!(owned.len(), 4);
    let state_of = |owner: &str| {
        owned
            .iter()
            .find(|a| a.owner == owner)
            .unwrap()
            .state(today)
    };
    assert_eq!(state_of("devon.okafor@contoso.com"), OwnerState::Overdue);
    assert_eq!(
        state_of("maria.kowalski@contoso.com"),
        OwnerState::InGracePeriod
    );
    assert_eq!(
        state_of("payments-platform@contoso.com"),
        OwnerState::OnTime
    );
    let platform = owned
        .iter()
        .find(|a| a.owner == "payments-platform@contoso.com")
        .unwrap();
    assert_eq!(
        platform.ticket,
        Some(Ticket {
            number: 4107,
            status: "In Progress".into(),
            link: "https://contoso.service-now.com/nav_to.do?uri=incident.do%3Fsys_id%3D4107"
                .into(),
        })
    );
    let eta = platform.eta.as_ref().unwrap();
    assert!(eta.date.starts_with("2026-12-12") && eta.justification.contains("maintenance window"));
    // "ticketNumber": 0 with no link is no ticket.
    assert!(
        owned
            .iter()
            .filter(|a| a.owner != "payments-platform@contoso.com")
            .all(|a| a.ticket.is_none())
    );
}

#[test]
fn the_owners_view_counts_each_owners_open_items_by_state() {
    let data = common::demo_data();
    let loads = owner_loads(&data, day("2026-11-28"));
    let summary: Vec<(&str, usize, usize, usize, usize)> = loads
        .iter()
        .map(|l| {
            (
                l.owner.as_str(),
                l.items,
                l.overdue,
                l.in_grace_period,
                l.on_time,
            )
        })
        .collect();
    assert_eq!(
        summary[0],
        ("devon.okafor@contoso.com", 1, 1, 0, 0),
        "most overdue first"
    );
    assert_eq!(loads.iter().map(|l| l.items).sum::<usize>(), 4);
    // Two weeks on, everything but the 12-19 assignment is overdue.
    let later = owner_loads(&data, day("2026-12-12"));
    assert_eq!(later.iter().map(|l| l.overdue).sum::<usize>(), 3);
}
