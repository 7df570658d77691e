//! Form widgets for the action panels. A `Field` (or `FieldSet`) names its form field once; the
//! input inside takes its id, `aria-describedby` (hint, then error) and `aria-invalid` from the
//! field, as thaw's `FieldInjection` does, so no panel writes an id or an error id by hand.

use crate::domain::actions::{FieldError, FormField};
use leptos::prelude::*;

/// What a `Field` tells the input inside it.
#[derive(Clone, Copy)]
struct FieldContext {
    id: &'static str,
    described_by: Signal<Option<String>>,
    invalid: Signal<bool>,
}

impl FieldContext {
    fn new(id: &'static str, has_hint: bool, error: Signal<Option<String>>) -> FieldContext {
        let described_by = Signal::derive(move || {
            let ids: Vec<String> = [
                has_hint.then(|| format!("{id}-hint")),
                error.with(Option::is_some).then(|| format!("{id}-error")),
            ]
            .into_iter()
            .flatten()
            .collect();
            (!ids.is_empty()).then(|| ids.join(" "))
        });
        FieldContext {
            id,
            described_by,
            invalid: Signal::derive(move || error.with(Option::is_some)),
        }
    }

    fn expect() -> FieldContext {
        expect_context::<FieldContext>()
    }
}

/// The validation messages of one form, shown once the user first tries to send it (not while
/// they are still typing the first time).
pub struct FormErrors<F: FormField, P: Clone + PartialEq + Send + Sync + 'static> {
    shown: RwSignal<bool>,
    validated: Memo<Result<P, Vec<FieldError<F>>>>,
}

impl<F: FormField, P: Clone + PartialEq + Send + Sync + 'static> Clone for FormErrors<F, P> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<F: FormField, P: Clone + PartialEq + Send + Sync + 'static> Copy for FormErrors<F, P> {}

impl<F: FormField, P: Clone + PartialEq + Send + Sync + 'static> FormErrors<F, P> {
    pub fn new(validated: Memo<Result<P, Vec<FieldError<F>>>>) -> Self {
        FormErrors {
            shown: RwSignal::new(false),
            validated,
        }
    }

    /// The message for `field`, once errors are shown.
    pub fn of(self, field: F) -> Signal<Option<String>> {
        Signal::derive(move || {
            self.shown
                .get()
                .then(|| {
                    self.validated.with(|v| {
                        v.as_ref()
                            .err()
                            .and_then(|e| crate::domain::actions::error_for(e, field))
                    })
                })
                .flatten()
        })
    }

    /// Shows every message from now on and gives the plan if the form is valid.
    pub fn submit(self) -> Option<P> {
        self.shown.set(true);
        self.validated.get_untracked().ok()
    }
}

/// The error below a field or field set: announced, and named by the input's `aria-describedby`.
#[component]
fn FieldErrorText(id: &'static str, error: Signal<Option<String>>) -> impl IntoView {
    move || {
        error.get().map(|e| {
            view! {
                <p class="form-field__error" id=format!("{id}-error") role="alert">
                    {e}
                </p>
            }
        })
    }
}

/// A labelled form field: its label, the input (children), a hint and the error.
#[component]
pub fn Field<F: FormField>(
    #[prop(into)] label: String,
    field: F,
    #[prop(optional, into)] error: Option<Signal<Option<String>>>,
    #[prop(optional, into)] hint: Option<String>,
    children: Children,
) -> impl IntoView {
    let id = field.id();
    let error = error.unwrap_or_else(|| Signal::stored(None));
    provide_context(FieldContext::new(id, hint.is_some(), error));
    view! {
        <div class="form-field" class:form-field--invalid=move || error.with(Option::is_some)>
            <label class="form-field__label" for=id>
                {label}
            </label>
            {children()}
            {hint.map(|h| view! { <p class="form-field__hint" id=format!("{id}-hint")>{h}</p> })}
            <FieldErrorText id=id error=error />
        </div>
    }
}

/// A group of choices (radios, checkboxes) under one legend, with the group's error.
#[component]
pub fn FieldSet<F: FormField>(
    #[prop(into)] legend: String,
    field: F,
    #[prop(optional, into)] error: Option<Signal<Option<String>>>,
    children: Children,
) -> impl IntoView {
    let id = field.id();
    let error = error.unwrap_or_else(|| Signal::stored(None));
    let context = FieldContext::new(id, false, error);
    view! {
        <fieldset
            id=id
            class="form-field"
            class:form-field--invalid=move || error.with(Option::is_some)
            aria-describedby=move || context.described_by.get()
        >
            <legend class="form-field__label">{legend}</legend>
            {children()}
            <FieldErrorText id=id error=error />
        </fieldset>
    }
}

/// A one-line input (`kind`: text, email, date) inside a `Field`.
#[component]
pub fn TextInput(
    #[prop(optional)] kind: Option<&'static str>,
    #[prop(into)] value: Signal<String>,
    /// Called with the new text on every keystroke; none for a read-only input.
    #[prop(optional, into)]
    on_input: Option<Callback<String>>,
    #[prop(optional, into)] disabled: Signal<bool>,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let field = FieldContext::expect();
    view! {
        <input
            id=field.id
            type=kind.unwrap_or("text")
            class="input"
            autocomplete=autocomplete
            required=required
            readonly=on_input.is_none()
            disabled=disabled
            aria-describedby=move || field.described_by.get()
            aria-invalid=move || field.invalid.get().then_some("true")
            prop:value=move || value.get()
            on:input=move |ev| {
                if let Some(f) = on_input {
                    f.run(event_target_value(&ev))
                }
            }
        />
    }
}

/// A multi-line input inside a `Field`.
#[component]
pub fn TextArea(
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_input: Callback<String>,
    #[prop(optional, into)] disabled: Signal<bool>,
    #[prop(optional)] placeholder: Option<&'static str>,
    #[prop(default = 3)] rows: u32,
) -> impl IntoView {
    let field = FieldContext::expect();
    view! {
        <textarea
            id=field.id
            class="input"
            rows=rows
            placeholder=placeholder
            disabled=disabled
            aria-describedby=move || field.described_by.get()
            aria-invalid=move || field.invalid.get().then_some("true")
            prop:value=move || value.get()
            on:input=move |ev| on_input.run(event_target_value(&ev))
        ></textarea>
    }
}

/// A drop-down inside a `Field`; its options are the children.
#[component]
pub fn Select(
    #[prop(into)] on_change: Callback<String>,
    #[prop(optional, into)] disabled: Signal<bool>,
    children: Children,
) -> impl IntoView {
    let field = FieldContext::expect();
    view! {
        <select
            id=field.id
            class="input"
            disabled=disabled
            aria-describedby=move || field.described_by.get()
            aria-invalid=move || field.invalid.get().then_some("true")
            on:change=move |ev| on_change.run(event_target_value(&ev))
        >
            {children()}
        </select>
    }
}

/// A labelled checkbox, or a radio button when `radio_group` names its group.
#[component]
pub fn Choice(
    #[prop(into)] checked: Signal<bool>,
    #[prop(into)] on_change: Callback<bool>,
    #[prop(optional)] radio_group: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    view! {
        <label class="choice">
            <input
                type=if radio_group.is_some() { "radio" } else { "checkbox" }
                name=radio_group
                prop:checked=move || checked.get()
                on:change=move |ev| on_change.run(event_target_checked(&ev))
            />
            {children()}
        </label>
    }
}
