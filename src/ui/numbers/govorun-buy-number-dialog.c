/* govorun-buy-number-dialog.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunBuyNumberDialog"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-buy-number-dialog.h"
#include "govorun-empty-state.h"
#include "govorun-error-banner.h"
#include "govorun-first-field.h"
#include "govorun-format.h"
#include "govorun-search-shortcut.h"

/* Available numbers asked for at a time ("Load More" asks for the next). */
#define PAGE_SIZE 10

/* What "Try Again" repeats. */
typedef enum
{
  OP_NONE,
  OP_COUNTRIES,
  OP_STATES,
  OP_REGIONS,
  OP_AVAILABLE,
} Operation;

struct _GovorunBuyNumberDialog
{
  AdwWindow                     parent_instance;

  GovorunNumberService         *numbers;
  GovorunAccount               *account;
  GCancellable                 *cancellable;   /* loads of the current step */
  GCancellable                 *buy_cancellable;
  GCancellable                 *balance_cancellable; /* the first balance */

  GPtrArray                    *countries;     /* GovorunPhoneCountry */
  GPtrArray                    *states;        /* GovorunPhoneState, NULL when none */
  GPtrArray                    *regions;       /* GovorunPhoneRegion */
  GovorunPhoneRegion           *region;        /* the chosen one */
  GPtrArray                    *available;     /* GovorunAvailableNumber, loaded so far */
  GPtrArray                    *chosen;        /* GovorunAvailableNumber */
  GovorunAccountBalance        *balance;
  Operation                     failed;
  gboolean                      busy;
  gboolean                      buying;        /* AttachPhoneNumber is under way */
  gboolean                      filling;       /* combo models are being replaced */

  /* template children */
  AdwWindowTitle               *window_title;
  AdwHeaderBar                 *header_bar;
  GtkWidget                    *back_button;
  GtkWidget                    *cancel_button;
  GtkWidget                    *next_button;
  GtkWidget                    *spinner;
  GtkStack                     *step_stack;
  AdwComboRow                  *country_row;
  AdwComboRow                  *category_row;
  AdwComboRow                  *state_row;
  GtkListBox                   *region_list;
  GtkEditable                  *mask_entry;
  GtkListBox                   *available_list;
  GtkWidget                    *load_more_button;
  AdwActionRow                 *chosen_row;
  GtkLabel                     *monthly_label;
  GtkLabel                     *installation_label;
  GtkLabel                     *total_label;
  GtkLabel                     *balance_label;
  GtkLabel                     *after_label;
  GtkWidget                    *verification_label;
  AdwStatusPage                *done_page;
  GtkWidget                    *done_button;
  GovorunErrorBanner           *error_banner;
};

G_DEFINE_FINAL_TYPE (GovorunBuyNumberDialog, govorun_buy_number_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_BOUGHT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void load_countries (GovorunBuyNumberDialog *self);
static void load_states    (GovorunBuyNumberDialog *self);
static void load_regions   (GovorunBuyNumberDialog *self);
static void load_available (GovorunBuyNumberDialog *self,
                            gboolean                more);

/* -- state helpers -- */

static const char *
currency (GovorunBuyNumberDialog *self)
{
  return self->balance != NULL ? self->balance->currency : NULL;
}

static const GovorunPhoneCountry *
current_country (GovorunBuyNumberDialog *self)
{
  guint i = adw_combo_row_get_selected (self->country_row);

  if (self->countries == NULL || i >= self->countries->len)
    return NULL;

  return g_ptr_array_index (self->countries, i);
}

static const GovorunPhoneCategory *
current_category (GovorunBuyNumberDialog *self)
{
  const GovorunPhoneCountry *country = current_country (self);
  guint i = adw_combo_row_get_selected (self->category_row);

  if (country == NULL || country->categories == NULL || i >= country->categories->len)
    return NULL;

  return g_ptr_array_index (country->categories, i);
}

/* The state code, or NULL for categories without states. */
static const char *
current_state (GovorunBuyNumberDialog *self)
{
  const GovorunPhoneCategory *category = current_category (self);
  guint i = adw_combo_row_get_selected (self->state_row);
  const GovorunPhoneState *state;

  if (category == NULL || !category->has_states || self->states == NULL || i >= self->states->len)
    return NULL;

  state = g_ptr_array_index (self->states, i);
  return state->code;
}

static const char *
current_step (GovorunBuyNumberDialog *self)
{
  return gtk_stack_get_visible_child_name (self->step_stack);
}

static void
reset_cancellable (GovorunBuyNumberDialog *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
}

static void
hide_error (GovorunBuyNumberDialog *self)
{
  self->failed = OP_NONE;
  govorun_error_banner_set_text (self->error_banner, NULL);
}

static void
show_error (GovorunBuyNumberDialog *self,
            Operation               op,
            const GError           *error)
{
  self->failed = op;
  govorun_error_banner_set_button_label (self->error_banner, op != OP_NONE ? _("Try _Again") : NULL);
  govorun_error_banner_set_text (self->error_banner, error->message);
}

static gboolean
step_complete (GovorunBuyNumberDialog *self)
{
  const char *step = current_step (self);

  if (g_strcmp0 (step, "country") == 0)
    {
      const GovorunPhoneCategory *category = current_category (self);

      return category != NULL && (!category->has_states || current_state (self) != NULL);
    }

  if (g_strcmp0 (step, "numbers") == 0)
    return self->chosen->len > 0;

  if (g_strcmp0 (step, "confirm") == 0)
    return self->chosen->len > 0;

  return FALSE;
}

static void
update_header (GovorunBuyNumberDialog *self)
{
  const char *step = current_step (self);
  gboolean done = g_strcmp0 (step, "done") == 0;
  gboolean confirm = g_strcmp0 (step, "confirm") == 0;
  gboolean first = g_strcmp0 (step, "country") == 0;

  /* Cancel on the first step, a back arrow after it (the window's close
   * button, and Escape, still cancel): never both. */
  gtk_widget_set_visible (self->back_button, !done && !first);
  gtk_widget_set_sensitive (self->back_button, !self->busy);
  gtk_widget_set_visible (self->cancel_button, first);
  adw_header_bar_set_show_end_title_buttons (self->header_bar, !done && !first);
  gtk_widget_set_visible (self->next_button, !done && g_strcmp0 (step, "region") != 0);
  gtk_button_set_label (GTK_BUTTON (self->next_button), confirm ? _("_Buy") : _("_Next"));
  gtk_widget_set_sensitive (self->next_button, !self->busy && step_complete (self));

  gtk_widget_set_visible (self->spinner, self->busy);
  if (self->busy)
    gtk_spinner_start (GTK_SPINNER (self->spinner));
  else
    gtk_spinner_stop (GTK_SPINNER (self->spinner));

  gtk_window_set_default_widget (GTK_WINDOW (self), done ? self->done_button : self->next_button);
}

static void
set_busy (GovorunBuyNumberDialog *self,
          gboolean                busy)
{
  self->busy = busy;
  update_header (self);
}

static void
go_to (GovorunBuyNumberDialog *self,
       const char             *step)
{
  const char *subtitle = NULL;

  hide_error (self);
  gtk_stack_set_visible_child_name (self->step_stack, step);

  if (g_strcmp0 (step, "country") == 0)
    subtitle = _("Country and Type");
  else if (g_strcmp0 (step, "region") == 0)
    subtitle = _("Region");
  else if (g_strcmp0 (step, "numbers") == 0)
    subtitle = _("Choose Numbers");
  else if (g_strcmp0 (step, "confirm") == 0)
    subtitle = _("Confirm Purchase");
  adw_window_title_set_subtitle (self->window_title, subtitle);

  update_header (self);
}

static char *
price_line (GovorunBuyNumberDialog *self,
            double                  monthly,
            double                  installation)
{
  g_autofree char *month = govorun_format_money (monthly, currency (self));
  g_autofree char *install = govorun_format_money (installation, currency (self));

  /* Translators: a monthly fee, then a one-off installation fee */
  return g_strdup_printf (_("%s/month, %s installation"), month, install);
}

/* -- countries, categories, states -- */

static GtkStringList *
string_list_new (void)
{
  return gtk_string_list_new (NULL);
}

static void
fill_states (GovorunBuyNumberDialog *self)
{
  g_autoptr(GtkStringList) names = string_list_new ();

  for (guint i = 0; self->states != NULL && i < self->states->len; i++)
    {
      const GovorunPhoneState *state = g_ptr_array_index (self->states, i);

      gtk_string_list_append (names, state->name ? state->name : state->code);
    }

  self->filling = TRUE;
  adw_combo_row_set_model (self->state_row, G_LIST_MODEL (names));
  self->filling = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->state_row), self->states != NULL && self->states->len > 0);
}

static void
on_state_selected (GovorunBuyNumberDialog *self)
{
  if (!self->filling)
    update_header (self);
}

static void
on_category_selected (GovorunBuyNumberDialog *self)
{
  const GovorunPhoneCategory *category;

  if (self->filling)
    return;

  category = current_category (self);
  g_clear_pointer (&self->states, g_ptr_array_unref);
  fill_states (self);
  gtk_widget_set_visible (GTK_WIDGET (self->state_row), category != NULL && category->has_states);

  if (category != NULL && category->has_states)
    load_states (self);

  update_header (self);
}

static void
fill_categories (GovorunBuyNumberDialog *self)
{
  const GovorunPhoneCountry *country = current_country (self);
  g_autoptr(GtkStringList) labels = string_list_new ();

  for (guint i = 0; country != NULL && country->categories != NULL && i < country->categories->len; i++)
    {
      const GovorunPhoneCategory *category = g_ptr_array_index (country->categories, i);

      gtk_string_list_append (labels, category->label && *category->label ?
                                      category->label :
                                      govorun_format_phone_category (category->category));
    }

  self->filling = TRUE;
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (labels));
  self->filling = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->category_row),
                            g_list_model_get_n_items (G_LIST_MODEL (labels)) > 0);
  on_category_selected (self);
}

static void
on_country_selected (GovorunBuyNumberDialog *self)
{
  if (!self->filling)
    fill_categories (self);
}

static void
countries_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GovorunBuyNumberDialog *self = user_data;
  g_autoptr(GPtrArray) countries = NULL;
  g_autoptr(GtkStringList) names = string_list_new ();
  g_autoptr(GError) error = NULL;

  countries = govorun_number_service_list_countries_finish (GOVORUN_NUMBER_SERVICE (object),
                                                           result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);

  if (countries == NULL)
    {
      show_error (self, OP_COUNTRIES, error);
      return;
    }

  g_clear_pointer (&self->countries, g_ptr_array_unref);
  self->countries = g_steal_pointer (&countries);

  for (guint i = 0; i < self->countries->len; i++)
    {
      const GovorunPhoneCountry *country = g_ptr_array_index (self->countries, i);

      gtk_string_list_append (names, country->name ? country->name : country->country_code);
    }

  self->filling = TRUE;
  adw_combo_row_set_model (self->country_row, G_LIST_MODEL (names));
  self->filling = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->country_row), self->countries->len > 0);
  fill_categories (self);
}

static void
load_countries (GovorunBuyNumberDialog *self)
{
  reset_cancellable (self);
  hide_error (self);
  set_busy (self, TRUE);
  govorun_number_service_list_countries_async (self->numbers, self->account, self->cancellable,
                                               countries_cb, self);
}

static void
states_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GovorunBuyNumberDialog *self = user_data;
  g_autoptr(GPtrArray) states = NULL;
  g_autoptr(GError) error = NULL;

  states = govorun_number_service_list_states_finish (GOVORUN_NUMBER_SERVICE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);

  if (states == NULL)
    {
      show_error (self, OP_STATES, error);
      return;
    }

  g_clear_pointer (&self->states, g_ptr_array_unref);
  self->states = g_steal_pointer (&states);
  fill_states (self);
  update_header (self);
}

static void
load_states (GovorunBuyNumberDialog *self)
{
  const GovorunPhoneCountry *country = current_country (self);
  const GovorunPhoneCategory *category = current_category (self);

  if (country == NULL || category == NULL)
    return;

  reset_cancellable (self);
  hide_error (self);
  set_busy (self, TRUE);
  govorun_number_service_list_states_async (self->numbers, self->account,
                                            country->country_code, category->category,
                                            self->cancellable, states_cb, self);
}

/* -- regions -- */

static GtkWidget *
region_row_new (GovorunBuyNumberDialog   *self,
                const GovorunPhoneRegion *region)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *escaped = NULL;

  g_autofree char *title = g_markup_escape_text (region->name ? region->name : "", -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);

  if (region->stock == 0)
    {
      g_string_append (subtitle, _("Out of stock"));
      /* Shown, so people see the region exists, but not choosable. */
      gtk_widget_set_sensitive (row, FALSE);
    }
  else
    {
      g_autofree char *prices = price_line (self, region->monthly_price, region->installation_price);

      g_string_append_printf (subtitle,
                              /* Translators: numbers in stock, then the prices */
                              g_dngettext (GETTEXT_PACKAGE, "%u in stock · %s", "%u in stock · %s",
                                           region->stock),
                              region->stock, prices);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
    }

  if (region->verification_required)
    {
      g_string_append_c (subtitle, '\n');
      g_string_append (subtitle, _("Needs your documents verified before the number works"));
    }

  escaped = g_markup_escape_text (subtitle->str, -1);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  g_object_set_data (G_OBJECT (row), "govorun-region", (gpointer) region);

  return row;
}

static void
regions_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GovorunBuyNumberDialog *self = user_data;
  g_autoptr(GPtrArray) regions = NULL;
  g_autoptr(GError) error = NULL;

  regions = govorun_number_service_list_regions_finish (GOVORUN_NUMBER_SERVICE (object),
                                                       result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);

  if (regions == NULL)
    {
      show_error (self, OP_REGIONS, error);
      return;
    }

  govorun_empty_state_clear_rows (self->region_list);
  g_clear_pointer (&self->regions, g_ptr_array_unref);
  self->regions = g_steal_pointer (&regions);

  for (guint i = 0; i < self->regions->len; i++)
    gtk_list_box_append (self->region_list,
                         region_row_new (self, g_ptr_array_index (self->regions, i)));
}

static void
load_regions (GovorunBuyNumberDialog *self)
{
  const GovorunPhoneCountry *country = current_country (self);
  const GovorunPhoneCategory *category = current_category (self);

  if (country == NULL || category == NULL)
    return;

  reset_cancellable (self);
  set_busy (self, TRUE);
  govorun_number_service_list_regions_async (self->numbers, self->account,
                                             country->country_code, category->category,
                                             current_state (self), self->cancellable,
                                             regions_cb, self);
}

/* -- available numbers -- */

static gboolean
is_chosen (GovorunBuyNumberDialog *self,
           gint64                  phone_id)
{
  for (guint i = 0; i < self->chosen->len; i++)
    if (((GovorunAvailableNumber *) g_ptr_array_index (self->chosen, i))->phone_id == phone_id)
      return TRUE;

  return FALSE;
}

static void
on_number_toggled (GtkCheckButton         *check,
                   GovorunBuyNumberDialog *self)
{
  const GovorunAvailableNumber *number = g_object_get_data (G_OBJECT (check), "govorun-number");

  if (gtk_check_button_get_active (check))
    {
      if (!is_chosen (self, number->phone_id))
        g_ptr_array_add (self->chosen, govorun_available_number_copy (number));
    }
  else
    {
      for (guint i = 0; i < self->chosen->len; i++)
        if (((GovorunAvailableNumber *) g_ptr_array_index (self->chosen, i))->phone_id == number->phone_id)
          {
            g_ptr_array_remove_index (self->chosen, i);
            break;
          }
    }

  update_header (self);
}

static GtkWidget *
available_row_new (GovorunBuyNumberDialog       *self,
                   const GovorunAvailableNumber *number)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *number_text = govorun_format_phone_number (number->number);
  g_autofree char *title = g_markup_escape_text (number_text, -1);
  g_autofree char *prices = price_line (self, number->monthly_price, number->installation_price);
  g_autofree char *escaped = g_markup_escape_text (prices, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), is_chosen (self, number->phone_id));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_object_set_data (G_OBJECT (check), "govorun-number", (gpointer) number);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_number_toggled), self, 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

  return row;
}

typedef struct
{
  GovorunBuyNumberDialog *self;
  gboolean                more;
} AvailableData;

/* What people type into the search, as a GetNewPhoneNumbers mask: digits
 * and "*" only; plain digits are looked for anywhere in the number. */
static char *
current_mask (GovorunBuyNumberDialog *self)
{
  const char *text = gtk_editable_get_text (self->mask_entry);
  g_autoptr(GString) mask = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isdigit (*p) || *p == '*')
      g_string_append_c (mask, *p);

  if (mask->len == 0)
    return NULL;

  if (strchr (mask->str, '*') == NULL)
    {
      g_string_prepend_c (mask, '*');
      g_string_append_c (mask, '*');
    }

  return g_string_free (g_steal_pointer (&mask), FALSE);
}

static void
available_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  AvailableData *data = user_data;
  GovorunBuyNumberDialog *self = data->self;
  gboolean more = data->more;
  g_autoptr(GPtrArray) numbers = NULL;
  g_autoptr(GError) error = NULL;

  g_free (data);

  numbers = govorun_number_service_list_available_finish (GOVORUN_NUMBER_SERVICE (object),
                                                         result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);

  if (numbers == NULL)
    {
      show_error (self, OP_AVAILABLE, error);
      return;
    }

  if (!more)
    {
      govorun_empty_state_clear_rows (self->available_list);
      g_ptr_array_set_size (self->available, 0);
    }

  for (guint i = 0; i < numbers->len; i++)
    {
      GovorunAvailableNumber *number = g_ptr_array_index (numbers, i);

      g_ptr_array_add (self->available, govorun_available_number_copy (number));
      gtk_list_box_append (self->available_list,
                           available_row_new (self, g_ptr_array_index (self->available,
                                                                       self->available->len - 1)));
    }

  if (self->available->len == 0)
    {
      g_autofree char *mask = current_mask (self);

      if (mask != NULL)
        govorun_empty_state_set (self->available_list, "edit-find-symbolic", _("No Matching Numbers"),
                                 _("No free number here has these digits. Try fewer or other digits."));
      else
        govorun_empty_state_set (self->available_list, "call-start-symbolic", _("No Free Numbers"),
                                 _("There are no free numbers in this region now. Try another region."));
    }

  /* A short page is the last one. */
  gtk_widget_set_visible (self->load_more_button, numbers->len >= PAGE_SIZE);
}

static void
load_available (GovorunBuyNumberDialog *self,
                gboolean                more)
{
  const GovorunPhoneCountry *country = current_country (self);
  const GovorunPhoneCategory *category = current_category (self);
  g_autofree char *mask = current_mask (self);
  AvailableData *data;

  if (country == NULL || category == NULL || self->region == NULL)
    return;

  reset_cancellable (self);
  hide_error (self);
  set_busy (self, TRUE);
  /* "No match" only once the answer says so. */
  govorun_empty_state_set (self->available_list, NULL, NULL, NULL);

  data = g_new0 (AvailableData, 1);
  data->self = self;
  data->more = more;
  govorun_number_service_list_available_async (self->numbers, self->account,
                                               country->country_code, category->category,
                                               current_state (self), self->region->region_id,
                                               mask, PAGE_SIZE,
                                               more ? self->available->len : 0,
                                               self->cancellable, available_cb, data);
}

static void
on_mask_changed (GovorunBuyNumberDialog *self)
{
  if (g_strcmp0 (current_step (self), "numbers") == 0)
    load_available (self, FALSE);
}

static void
on_load_more_clicked (GovorunBuyNumberDialog *self)
{
  load_available (self, TRUE);
}

static void
on_region_activated (GovorunBuyNumberDialog *self,
                     GtkListBoxRow          *row)
{
  const GovorunPhoneRegion *region = g_object_get_data (G_OBJECT (row), "govorun-region");

  if (region == NULL || region->stock == 0 || self->busy)
    return;

  g_clear_pointer (&self->region, govorun_phone_region_free);
  self->region = govorun_phone_region_copy (region);
  g_ptr_array_set_size (self->chosen, 0);
  g_ptr_array_set_size (self->available, 0);
  govorun_empty_state_clear_rows (self->available_list);
  gtk_widget_set_visible (self->load_more_button, FALSE);

  go_to (self, "numbers");
  load_available (self, FALSE);
}

/* -- confirmation -- */

static void
update_confirmation (GovorunBuyNumberDialog *self)
{
  g_autoptr(GString) numbers = g_string_new (NULL);
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;
  double monthly = 0, installation = 0;
  g_autofree char *monthly_text = NULL;
  g_autofree char *installation_text = NULL;
  g_autofree char *total_text = NULL;

  for (guint i = 0; i < self->chosen->len; i++)
    {
      const GovorunAvailableNumber *number = g_ptr_array_index (self->chosen, i);
      g_autofree char *label = govorun_format_phone_number (number->number);

      if (i > 0)
        g_string_append (numbers, "\n");
      g_string_append (numbers, label);
      monthly += number->monthly_price;
      installation += number->installation_price;
    }

  escaped = g_markup_escape_text (numbers->str, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->chosen_row), escaped);
  if (self->region != NULL && self->region->name != NULL)
    {
      g_autofree char *region = g_markup_escape_text (self->region->name, -1);

      adw_action_row_set_subtitle (self->chosen_row, region);
    }

  monthly_text = govorun_format_money (monthly, currency (self));
  installation_text = govorun_format_money (installation, currency (self));
  /* Voximplant charges installation and the first month at once. */
  total_text = govorun_format_money (monthly + installation, currency (self));
  gtk_label_set_text (self->monthly_label, monthly_text);
  gtk_label_set_text (self->installation_label, installation_text);
  gtk_label_set_text (self->total_label, total_text);

  if (self->balance != NULL)
    {
      g_autofree char *balance = govorun_format_money (self->balance->balance, currency (self));
      g_autofree char *after = govorun_format_money (self->balance->balance - monthly - installation,
                                                             currency (self));

      gtk_label_set_text (self->balance_label, balance);
      gtk_label_set_text (self->after_label, after);
      if (self->balance->balance - monthly - installation < 0)
        gtk_widget_add_css_class (GTK_WIDGET (self->after_label), "error");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->after_label), "error");
    }
  else
    {
      /* Translators: shown instead of an amount that could not be loaded */
      gtk_label_set_text (self->balance_label, _("Unknown"));
      gtk_label_set_text (self->after_label, _("Unknown"));
    }

  gtk_widget_set_visible (self->verification_label,
                          self->region != NULL && self->region->verification_required);
}

static void
balance_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GovorunBuyNumberDialog *self = user_data;
  g_autoptr(GovorunAccountBalance) info = NULL;
  g_autoptr(GError) error = NULL;

  info = govorun_number_service_get_balance_finish (GOVORUN_NUMBER_SERVICE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (info == NULL)
    {
      /* Buying works without it; the confirmation says it is unknown. */
      g_debug ("Balance not available: %s", error->message);
    }
  else
    {
      g_clear_pointer (&self->balance, govorun_account_balance_free);
      self->balance = g_steal_pointer (&info);
    }

  if (g_strcmp0 (current_step (self), "confirm") == 0)
    {
      set_busy (self, FALSE);
      update_confirmation (self);
    }
}

/* The currency for the prices on the way, before the confirmation. */
static void
first_balance_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GovorunBuyNumberDialog *self = user_data;
  g_autoptr(GovorunAccountBalance) info = NULL;
  g_autoptr(GError) error = NULL;

  info = govorun_number_service_get_balance_finish (GOVORUN_NUMBER_SERVICE (object), result, &error);
  if (info == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Balance not available: %s", error->message);
      return;
    }

  if (self->balance == NULL)
    self->balance = g_steal_pointer (&info);
}

static void
show_confirmation (GovorunBuyNumberDialog *self)
{
  go_to (self, "confirm");
  update_confirmation (self);

  /* The balance as it is now, not as it was when the dialog opened. */
  reset_cancellable (self);
  set_busy (self, TRUE);
  govorun_number_service_get_balance_async (self->numbers, self->account, self->cancellable,
                                            balance_cb, self);
}

/* -- buying -- */

static gboolean
is_no_stock (const GError *error)
{
  return g_error_matches (error, GOVORUN_NUMBER_SERVICE_ERROR, GOVORUN_NUMBER_SERVICE_ERROR_NO_STOCK);
}

static void
bought_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GWeakRef *weak = user_data;
  g_autoptr(GovorunBuyNumberDialog) self = g_weak_ref_get (weak);
  g_autoptr(GPtrArray) bought = NULL;
  g_autoptr(GError) error = NULL;
  gboolean needs_documents = FALSE;

  g_weak_ref_clear (weak);
  g_free (weak);

  bought = govorun_number_service_buy_finish (GOVORUN_NUMBER_SERVICE (object), result, &error);
  /* Gone with its dialog: the answer has no one to go to. */
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->buying = FALSE;
  set_busy (self, FALSE);

  if (bought == NULL)
    {
      if (is_no_stock (error))
        {
          /* The numbers are gone: choose again from fresh stock. */
          go_to (self, "region");
          load_regions (self);
        }
      show_error (self, OP_NONE, error);
      return;
    }

  g_signal_emit (self, signals[SIGNAL_BOUGHT], 0, bought);

  for (guint i = 0; i < bought->len; i++)
    if (((GovorunPhoneNumber *) g_ptr_array_index (bought, i))->verification_required)
      needs_documents = TRUE;

  if (!needs_documents)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  adw_status_page_set_icon_name (self->done_page, "dialog-warning-symbolic");
  adw_status_page_set_description (self->done_page,
                                   _("The number is yours, but it works only after your documents "
                                     "are verified. Upload them in the Voximplant control panel under "
                                     "Numbers → Verification."));
  go_to (self, "done");
}

static void
buy (GovorunBuyNumberDialog *self)
{
  const GovorunPhoneCountry *country = current_country (self);
  const GovorunPhoneCategory *category = current_category (self);
  g_autoptr(GPtrArray) numbers = g_ptr_array_new ();
  GWeakRef *weak;

  if (country == NULL || category == NULL || self->region == NULL || self->chosen->len == 0)
    return;

  for (guint i = 0; i < self->chosen->len; i++)
    g_ptr_array_add (numbers, ((GovorunAvailableNumber *) g_ptr_array_index (self->chosen, i))->number);
  g_ptr_array_add (numbers, NULL);

  /* Balance loading may still run; the purchase does not wait for it. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->buy_cancellable);
  self->buy_cancellable = g_cancellable_new ();
  hide_error (self);
  self->buying = TRUE;
  set_busy (self, TRUE);
  /* Not cancelled with the dialog (the purchase finishes on the server
   * either way), so the callback holds the dialog weakly. */
  weak = g_new0 (GWeakRef, 1);
  g_weak_ref_init (weak, self);
  govorun_number_service_buy_async (self->numbers, self->account,
                                    country->country_code, category->category,
                                    current_state (self), self->region->region_id,
                                    (const char * const *) numbers->pdata,
                                    self->buy_cancellable, bought_cb, weak);
}

/* -- header buttons -- */

static void
on_next_clicked (GovorunBuyNumberDialog *self)
{
  const char *step = current_step (self);

  if (self->busy || !step_complete (self))
    return;

  if (g_strcmp0 (step, "country") == 0)
    {
      govorun_empty_state_clear_rows (self->region_list);
      go_to (self, "region");
      load_regions (self);
    }
  else if (g_strcmp0 (step, "numbers") == 0)
    {
      show_confirmation (self);
    }
  else if (g_strcmp0 (step, "confirm") == 0)
    {
      buy (self);
    }
}

static void
on_back_clicked (GovorunBuyNumberDialog *self)
{
  const char *step = current_step (self);

  if (self->buying)
    return; /* a purchase is under way */

  g_cancellable_cancel (self->cancellable);
  set_busy (self, FALSE);

  if (g_strcmp0 (step, "region") == 0)
    go_to (self, "country");
  else if (g_strcmp0 (step, "numbers") == 0)
    {
      go_to (self, "region");
      if (self->regions == NULL)
        load_regions (self);
    }
  else if (g_strcmp0 (step, "confirm") == 0)
    go_to (self, "numbers");
}

static void
on_cancel_clicked (GovorunBuyNumberDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_retry_clicked (GovorunBuyNumberDialog *self)
{
  switch (self->failed)
    {
    case OP_COUNTRIES:
      load_countries (self);
      break;
    case OP_STATES:
      load_states (self);
      break;
    case OP_REGIONS:
      hide_error (self);
      load_regions (self);
      break;
    case OP_AVAILABLE:
      load_available (self, FALSE);
      break;
    case OP_NONE:
    default:
      hide_error (self);
      break;
    }
}

static gboolean
on_close_request (GtkWindow *window,
                  gpointer   user_data)
{
  /* Closing while buying would hide whether the money was spent. */
  return GOVORUN_BUY_NUMBER_DIALOG (window)->buying;
}

/* -- setup -- */

static void
govorun_buy_number_dialog_dispose (GObject *object)
{
  GovorunBuyNumberDialog *self = GOVORUN_BUY_NUMBER_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  /* Every callback but the purchase's borrows self: cancelled here, it
   * returns before touching the dialog. A purchase already sent is not
   * cancelled: it finishes on the server either way; only its answer is
   * dropped (its callback holds the dialog weakly). */
  g_clear_object (&self->buy_cancellable);
  g_cancellable_cancel (self->balance_cancellable);
  g_clear_object (&self->balance_cancellable);
  g_clear_object (&self->numbers);
  g_clear_object (&self->account);

  gtk_widget_dispose_template (GTK_WIDGET (self), GOVORUN_TYPE_BUY_NUMBER_DIALOG);

  G_OBJECT_CLASS (govorun_buy_number_dialog_parent_class)->dispose (object);
}

static void
govorun_buy_number_dialog_finalize (GObject *object)
{
  GovorunBuyNumberDialog *self = GOVORUN_BUY_NUMBER_DIALOG (object);

  g_clear_pointer (&self->countries, g_ptr_array_unref);
  g_clear_pointer (&self->states, g_ptr_array_unref);
  g_clear_pointer (&self->regions, g_ptr_array_unref);
  g_clear_pointer (&self->region, govorun_phone_region_free);
  g_clear_pointer (&self->available, g_ptr_array_unref);
  g_clear_pointer (&self->chosen, g_ptr_array_unref);
  g_clear_pointer (&self->balance, govorun_account_balance_free);

  G_OBJECT_CLASS (govorun_buy_number_dialog_parent_class)->finalize (object);
}

static void
govorun_buy_number_dialog_class_init (GovorunBuyNumberDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = govorun_buy_number_dialog_dispose;
  object_class->finalize = govorun_buy_number_dialog_finalize;

  /**
   * GovorunBuyNumberDialog::bought:
   * @numbers: (element-type GovorunPhoneNumber): the numbers bought
   */
  signals[SIGNAL_BOUGHT] = g_signal_new ("bought", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_PTR_ARRAY);

  g_type_ensure (GOVORUN_TYPE_ERROR_BANNER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/govorun-buy-number-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GovorunBuyNumberDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, GovorunBuyNumberDialog, header_bar);
  gtk_widget_class_bind_template_child (widget_class, GovorunBuyNumberDialog, back_button);
  gtk_widget_class_bind_template_child (widget_class, GovorunBuyNumberDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, GovorunBuyNumberDialog, next_button);
  gtk_widget_class_bind_template_child (widget_class, GovorunBuyNumberDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, GovorunBuyNumberDialog, step_stack);
  gtk_widget_class_bind_template_child (widget_class, GovorunBuyNumberDialog, country_row);
  gtk_widget_class_bind_template_child (widget_class, GovorunBuyNumberDialog, category_row);
  gtk_widget_class_bind_template_child (widget_class, GovorunBuyNumberDialog, state_row);
  gtk_widget_class_bind_template_child (widget_class, GovorunBuyNumberDialog, region_list);
  gtk_widget_class_bind_template_child (widget_class, GovorunBuyNumberDialog, mask_entry);
  gtk_widget_class_bind_template_child (widget_class, GovorunBuyNumberDialog, available_list);
  gtk_widget_class_bind_template_child (widget_class, GovorunBuyNumberDialog, load_more_button);
  gtk_widget_class_bind_template_child (widget_class, GovorunBuyNumberDialog, chosen_row);
  gtk_widget_class_bind_template_child (widget_class, GovorunBuyNumberDialog, monthly_label);
  gtk_widget_class_bind_template_child (widget_class, GovorunBuyNumberDialog, installation_label);
  gtk_widget_class_bind_template_child (widget_class, GovorunBuyNumberDialog, total_label);
  gtk_widget_class_bind_template_child (widget_class, GovorunBuyNumberDialog, balance_label);
  gtk_widget_class_bind_template_child (widget_class, GovorunBuyNumberDialog, after_label);
  gtk_widget_class_bind_template_child (widget_class, GovorunBuyNumberDialog, verification_label);
  gtk_widget_class_bind_template_child (widget_class, GovorunBuyNumberDialog, done_page);
  gtk_widget_class_bind_template_child (widget_class, GovorunBuyNumberDialog, done_button);
  gtk_widget_class_bind_template_child (widget_class, GovorunBuyNumberDialog, error_banner);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_next_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_retry_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_country_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_category_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_state_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_region_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_mask_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_load_more_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  govorun_search_shortcut_install (widget_class, G_STRUCT_OFFSET (GovorunBuyNumberDialog, mask_entry));
}

static void
govorun_buy_number_dialog_init (GovorunBuyNumberDialog *self)
{
  self->filling = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->filling = FALSE;

  self->available = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_available_number_free);
  self->chosen = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_available_number_free);
  self->cancellable = g_cancellable_new ();

  g_signal_connect (self, "close-request", G_CALLBACK (on_close_request), NULL);
  govorun_first_field_focus_on_map (GTK_WINDOW (self), GTK_WIDGET (self->country_row));
  govorun_first_field_focus_on_map (GTK_WINDOW (self), GTK_WIDGET (self->mask_entry));
  govorun_search_escape_closes (GTK_SEARCH_ENTRY (self->mask_entry));
}

GovorunBuyNumberDialog *
govorun_buy_number_dialog_new (GtkWindow            *parent,
                               GovorunNumberService *numbers,
                               GovorunAccount       *account)
{
  GovorunBuyNumberDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (GOVORUN_IS_NUMBER_SERVICE (numbers), NULL);
  g_return_val_if_fail (GOVORUN_IS_ACCOUNT (account), NULL);

  self = g_object_new (GOVORUN_TYPE_BUY_NUMBER_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->numbers = g_object_ref (numbers);
  self->account = g_object_ref (account);

  go_to (self, "country");
  load_countries (self);
  self->balance_cancellable = g_cancellable_new ();
  govorun_number_service_get_balance_async (self->numbers, self->account, self->balance_cancellable,
                                            first_balance_cb, self);

  return self;
}
