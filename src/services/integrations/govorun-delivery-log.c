/* govorun-delivery-log.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunDeliveryLog"

#include "config.h"

#include "govorun-delivery-log.h"
#include "govorun-integrations-private.h"
#include "govorun-integration-records.h"

/* A screenful is some 15 rows. */
#define PAGE_SIZE 50
/* A reload reads again at most this many rows from the top; past it the
 * view starts over from the first page. */
#define MAX_RELOAD 1000
/* Changes come in bursts (a pass of four); one read per burst. */
#define RELOAD_DELAY_MS 150

struct _GovorunDeliveryLog
{
  GObject              parent_instance;

  GovorunIntegrations *integrations;
  gint64               target_id;
  GPtrArray           *items;          /* GovorunDelivery, newest first */
  gboolean             has_more;
  gboolean             loading;
  gboolean             reload_wanted;  /* a change came while a page was read */
  guint                reload_id;
  gulong               changed_id;
  GCancellable        *cancellable;
};

static void govorun_delivery_log_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GovorunDeliveryLog, govorun_delivery_log, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, govorun_delivery_log_model_init))

enum {
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  GovorunDeliveryLog *self;   /* weak: the cancellable guards it */
  gboolean            reload;
} Fetch;

static void fetch (GovorunDeliveryLog *self, gboolean reload);

static void
set_loading (GovorunDeliveryLog *self,
             gboolean            loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
on_page (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Fetch *f = user_data;
  GovorunDeliveryLog *self = f->self;
  gboolean reload = f->reload;
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GError) error = NULL;
  guint limit;

  page = govorun_integration_records_delivery_page_finish (GOVORUN_STORE (source), result, &error);
  g_free (f);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_loading (self, FALSE);
  if (page == NULL)
    {
      g_warning ("Could not read the delivery log: %s", error->message);
      return;
    }

  if (reload)
    {
      guint old = self->items->len;

      limit = CLAMP (old, PAGE_SIZE, MAX_RELOAD);
      g_ptr_array_set_size (self->items, 0);
      g_ptr_array_extend_and_steal (self->items, g_steal_pointer (&page));
      self->has_more = self->items->len == limit;
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old, self->items->len);
    }
  else
    {
      guint at = self->items->len;
      guint n = page->len;

      self->has_more = n == PAGE_SIZE;
      g_ptr_array_extend_and_steal (self->items, g_steal_pointer (&page));
      if (n > 0)
        g_list_model_items_changed (G_LIST_MODEL (self), at, 0, n);
    }

  if (self->reload_wanted)
    {
      self->reload_wanted = FALSE;
      fetch (self, TRUE);
    }
}

static void
fetch (GovorunDeliveryLog *self,
       gboolean            reload)
{
  Fetch *f;
  gint64 before = 0;
  guint limit = PAGE_SIZE;

  if (self->loading)
    {
      self->reload_wanted |= reload;
      return;
    }
  if (reload)
    limit = CLAMP (self->items->len, PAGE_SIZE, MAX_RELOAD);
  else if (self->items->len > 0)
    before = govorun_delivery_get_id (g_ptr_array_index (self->items, self->items->len - 1));

  f = g_new0 (Fetch, 1);
  f->self = self;
  f->reload = reload;
  set_loading (self, TRUE);
  govorun_integration_records_delivery_page_async (self->integrations->store, self->target_id,
                                                   before, limit, self->cancellable, on_page, f);
}

static gboolean
on_reload_timeout (gpointer user_data)
{
  GovorunDeliveryLog *self = user_data;

  self->reload_id = 0;
  fetch (self, TRUE);
  return G_SOURCE_REMOVE;
}

static void
on_deliveries_changed (GovorunIntegrations *integrations,
                       gint64               target_id,
                       gpointer             user_data)
{
  GovorunDeliveryLog *self = user_data;

  if (target_id != 0 && target_id != self->target_id)
    return;
  if (self->reload_id == 0)
    self->reload_id = g_timeout_add (RELOAD_DELAY_MS, on_reload_timeout, self);
}

/* -- GListModel -- */

static GType
govorun_delivery_log_get_item_type (GListModel *model)
{
  return GOVORUN_TYPE_DELIVERY;
}

static guint
govorun_delivery_log_get_n_items (GListModel *model)
{
  return GOVORUN_DELIVERY_LOG (model)->items->len;
}

static gpointer
govorun_delivery_log_get_item (GListModel *model,
                               guint       position)
{
  GovorunDeliveryLog *self = GOVORUN_DELIVERY_LOG (model);

  if (position >= self->items->len)
    return NULL;
  /* Near the end of what is read: read the next page. */
  if (self->has_more && !self->loading && position + PAGE_SIZE / 2 >= self->items->len)
    fetch (self, FALSE);
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
govorun_delivery_log_model_init (GListModelInterface *iface)
{
  iface->get_item_type = govorun_delivery_log_get_item_type;
  iface->get_n_items = govorun_delivery_log_get_n_items;
  iface->get_item = govorun_delivery_log_get_item;
}

/* -- the object -- */

static void
govorun_delivery_log_dispose (GObject *object)
{
  GovorunDeliveryLog *self = GOVORUN_DELIVERY_LOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->integrations != NULL)
    g_clear_signal_handler (&self->changed_id, self->integrations);
  g_clear_object (&self->integrations);
  G_OBJECT_CLASS (govorun_delivery_log_parent_class)->dispose (object);
}

static void
govorun_delivery_log_finalize (GObject *object)
{
  GovorunDeliveryLog *self = GOVORUN_DELIVERY_LOG (object);

  g_ptr_array_unref (self->items);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (govorun_delivery_log_parent_class)->finalize (object);
}

static void
govorun_delivery_log_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  GovorunDeliveryLog *self = GOVORUN_DELIVERY_LOG (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_delivery_log_class_init (GovorunDeliveryLogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = govorun_delivery_log_dispose;
  object_class->finalize = govorun_delivery_log_finalize;
  object_class->get_property = govorun_delivery_log_get_property;

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
govorun_delivery_log_init (GovorunDeliveryLog *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->cancellable = g_cancellable_new ();
}

GovorunDeliveryLog *
govorun_delivery_log_new (GovorunIntegrations *integrations,
                          gint64               target_id)
{
  GovorunDeliveryLog *self;

  g_return_val_if_fail (GOVORUN_IS_INTEGRATIONS (integrations), NULL);

  self = g_object_new (GOVORUN_TYPE_DELIVERY_LOG, NULL);
  self->integrations = g_object_ref (integrations);
  self->target_id = target_id;
  self->changed_id = g_signal_connect (integrations, "deliveries-changed",
                                       G_CALLBACK (on_deliveries_changed), self);
  fetch (self, FALSE);
  return self;
}

gint64
govorun_delivery_log_get_target_id (GovorunDeliveryLog *self)
{
  g_return_val_if_fail (GOVORUN_IS_DELIVERY_LOG (self), 0);
  return self->target_id;
}

void
govorun_delivery_log_reload (GovorunDeliveryLog *self)
{
  g_return_if_fail (GOVORUN_IS_DELIVERY_LOG (self));
  fetch (self, TRUE);
}

gboolean
govorun_delivery_log_get_loading (GovorunDeliveryLog *self)
{
  g_return_val_if_fail (GOVORUN_IS_DELIVERY_LOG (self), FALSE);
  return self->loading;
}
