/* govorun-delivery-log.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "govorun-delivery.h"
#include "govorun-integrations.h"

G_BEGIN_DECLS

#define GOVORUN_TYPE_DELIVERY_LOG (govorun_delivery_log_get_type ())

G_DECLARE_FINAL_TYPE (GovorunDeliveryLog, govorun_delivery_log, GOVORUN, DELIVERY_LOG, GObject)

/*
 * One target's delivery log, newest first: a GListModel of
 * GovorunDelivery read from the store in keyset pages on a read
 * connection. It starts with one page and reads the next when a view asks
 * for a row near the end of what it has, so a log of a million rows costs
 * what was scrolled through. When the integrations say the target's
 * deliveries changed it reads again what it shows, in one items-changed.
 */
GovorunDeliveryLog *govorun_delivery_log_new        (GovorunIntegrations *integrations,
                                                     gint64               target_id);
gint64              govorun_delivery_log_get_target_id (GovorunDeliveryLog *self);
/* Reads the first page again (and as many rows as are shown). */
void                govorun_delivery_log_reload     (GovorunDeliveryLog  *self);
/* TRUE while a page is being read (property "loading"). */
gboolean            govorun_delivery_log_get_loading (GovorunDeliveryLog *self);

G_END_DECLS
