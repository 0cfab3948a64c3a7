/* core/vgic_its.h: (being written, issue "Request core II"). */
#ifndef REQSIM_VGIC_ITS_H
#define REQSIM_VGIC_ITS_H
#include "kvm_host.h"
#endif
