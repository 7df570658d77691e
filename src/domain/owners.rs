//! The "Owners" view: each owner of the cluster's open recommendations, how many they hold, and
//! where those stand (overdue, in grace period, on time).

use super::actions::Date;
use super::finding::{ClusterData, OwnerState};

/// One owner's load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnerLoad {
    pub owner: String,
    /// Unhealthy recommendations assigned to them.
    pub items: usize,
    pub overdue: usize,
    pub in_grace_period: usize,
    pub on_time: usize,
}

/// Every owner of an unhealthy recommendation, most overdue first, then most items, then name.
pub fn owner_loads(data: &ClusterData, today: Date) -> Vec<OwnerLoad> {
    let mut loads: Vec<OwnerLoad> = Vec::new();
    let assigned = data
        .recommendations
        .iter()
        .filter(|r| r.unhealthy)
        .filter_map(|r| r.owner.as_ref());
    for a in assigned {
        let load = match loads.iter_mut().position(|l| l.owner == a.owner) {
            Some(i) => &mut loads[i],
            None => {
                loads.push(OwnerLoad {
                    owner: a.owner.clone(),
                    items: 0,
                    overdue: 0,
                    in_grace_period: 0,
                    on_time: 0,
                });
                loads.last_mut().expect("just pushed")
            }
        };
        load.items += 1;
        match a.state(today) {
            OwnerState::Overdue => load.overdue += 1,
            OwnerState::InGracePeriod => load.in_grace_period += 1,
            OwnerState::OnTime => load.on_time += 1,
        }
    }
    loads.sort_by(|a, b| {
        b.overdue
            .cmp(&a.overdue)
            .then(b.items.cmp(&a.items))
            .then(a.owner.cmp(&b.owner))
    });
    loads
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_state_is_the_due_date_against_today_with_the_grace_period_told_apart() {
        let today = Date::parse("2026-11-28").unwrap();
        let state = |due: &str, grace: bool| OwnerState::of(due, grace, today);
        assert_eq!(state("2026-11-15T00:00:00Z", true), OwnerState::Overdue);
        assert_eq!(state("2026-11-27T00:00:00Z", false), OwnerState::Overdue);
        assert_eq!(
            state("2026-12-05T00:00:00Z", true),
            OwnerState::InGracePeriod
        );
        assert_eq!(state("2026-12-19T00:00:00Z", false), OwnerState::OnTime);
        assert_eq!(
            state("2026-11-28T00:00:00Z", false),
            OwnerState::OnTime,
            "due today"
        );
        assert_eq!(state("not a date", false), OwnerState::OnTime);
    }
}
