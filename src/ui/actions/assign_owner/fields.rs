//! The Assign owner form: owner, due date (a preset or a date), grace period and reminders.

use crate::browser::clock;
use crate::domain::actions::owner::DUE_PRESETS;
use crate::domain::actions::{Due, OwnerField, OwnerForm, OwnerPlan};
use crate::ui::form::{Choice, Field, FieldSet, FormErrors, TextArea, TextInput};
use leptos::prelude::*;

#[component]
pub fn OwnerFields(
    form: RwSignal<OwnerForm>,
    errors: FormErrors<OwnerField, OwnerPlan>,
) -> impl IntoView {
    // One setter per kind of input: `set(|f, v| f.owner = v)` keeps the markup short.
    let set = move |change: fn(&mut OwnerForm, String)| {
        Callback::new(move |value: String| form.update(|f| change(f, value)))
    };
    let toggle = move |change: fn(&mut OwnerForm, bool)| {
        Callback::new(move |on: bool| form.update(|f| change(f, on)))
    };
    let flag = move |read: fn(&OwnerForm) -> bool| Signal::derive(move || form.with(read));
    let custom_date = Signal::derive(move || form.with(|f| matches!(f.due, Due::Date(_))));
    let date_text = Signal::derive(move || {
        form.with(|f| match &f.due {
            Due::Date(d) => d.clone(),
            Due::Days(_) => String::new(),
        })
    });
    view! {
        <Field label="Owner (e-mail)" field=OwnerField::Owner error=errors.of(OwnerField::Owner)>
            <TextInput
                kind="email"
                autocomplete="email"
                required=true
                value=Signal::derive(move || form.with(|f| f.owner.clone()))
                on_input=set(|f, v| f.owner = v)
            />
        </Field>
        <FieldSet legend="Remediation due date" field=OwnerField::Due>
            {DUE_PRESETS
                .into_iter()
                .map(|days| {
                    view! {
                        <Choice
                            radio_group="due"
                            checked=Signal::derive(move || form.with(|f| f.due == Due::Days(days)))
                            on_change=Callback::new(move |_| {
                                form.update(|f| f.due = Due::Days(days))
                            })
                        >
                            {format!("{days} days ({})", clock::today().plus_days(i64::from(days)))}
                        </Choice>
                    }
                })
                .collect_view()}
            <Choice
                radio_group="due"
                checked=custom_date
                on_change=Callback::new(move |_| {
                    if !custom_date.get_untracked() {
                        form.update(|f| f.due = Due::Date(String::new()));
                    }
                })
            >
                "A date"
            </Choice>
            <Field label="Due date" field=OwnerField::DueDate error=errors.of(OwnerField::DueDate)>
                <TextInput
                    kind="date"
                    disabled=Signal::derive(move || !custom_date.get())
                    value=date_text
                    on_input=set(|f, v| f.due = Due::Date(v))
                />
            </Field>
        </FieldSet>
        <Field
            label="Remediation ETA (optional)"
            field=OwnerField::Eta
            error=errors.of(OwnerField::Eta)
            hint="When the owner expects to finish, if not by the due date."
        >
            <TextInput
                kind="date"
                value=Signal::derive(move || form.with(|f| f.eta.clone()))
                on_input=set(|f, v| f.eta = v)
            />
        </Field>
        <Field
            label="ETA justification"
            field=OwnerField::EtaJustification
            error=errors.of(OwnerField::EtaJustification)
        >
            <TextArea
                rows=2
                value=Signal::derive(move || form.with(|f| f.eta_justification.clone()))
                on_input=set(|f, v| f.eta_justification = v)
            />
        </Field>
        <Choice checked=flag(|f| f.grace_period) on_change=toggle(|f, v| f.grace_period = v)>
            "Grace period: the secure score is not affected until the due date"
        </Choice>
        <fieldset class="form-field">
            <legend class="form-field__label">"E-mail reminders (weekly)"</legend>
            <Choice checked=flag(|f| f.remind_owner) on_change=toggle(|f, v| f.remind_owner = v)>
                "Notify the owner about open and overdue tasks"
            </Choice>
            <Choice
                checked=flag(|f| f.remind_manager)
                on_change=toggle(|f, v| f.remind_manager = v)
            >
                "Notify the owner's manager about overdue tasks"
            </Choice>
        </fieldset>
    }
}
