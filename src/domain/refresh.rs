//! A Refresh whose sources partly fail: a tab that lost all of its findings keeps the previous
//! load's, labelled, instead of turning empty under the user's selection.

use super::{ClusterData, FindingType};

impl ClusterData {
    /// This load, with `previous`'s findings kept for every tab that failed to read and came
    /// back empty (the tab's message says they are from the previous load, and its counts stay
    /// marked incomplete). A tab that read anything, even partly, shows what it read.
    pub fn keeping_previous(mut self, previous: &ClusterData) -> ClusterData {
        for tab in FindingType::ALL {
            if !self.issues.tabs.contains_key(&tab) || !self.is_empty(tab) || previous.is_empty(tab)
            {
                continue;
            }
            match tab {
                FindingType::Alert => self.alerts = previous.alerts.clone(),
                FindingType::Vulnerability => {
                    self.vulnerabilities = previous.vulnerabilities.clone()
                }
                FindingType::Misconfiguration => {
                    self.recommendations = previous.recommendations.clone()
                }
                FindingType::Compliance => self.compliance = previous.compliance.clone(),
            }
            if let Some(reason) = self.issues.tabs.get_mut(&tab) {
                reason.push_str(" The findings shown are from the previous load.");
            }
        }
        self
    }

    /// Nothing of this type was read.
    fn is_empty(&self, tab: FindingType) -> bool {
        match tab {
            FindingType::Alert => self.alerts.is_empty(),
            FindingType::Vulnerability => self.vulnerabilities.is_empty(),
            FindingType::Misconfiguration => self.recommendations.is_empty(),
            FindingType::Compliance => self.compliance.is_empty(),
        }
    }
}
