import { ChangeDetectionStrategy, Component, ElementRef, inject, InjectionToken, OnDestroy, OnInit, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import * as L from 'leaflet';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { ProblemMessageService } from '../../../core/http/problem-message.service';
import { LocalDatePipe } from '../../../core/i18n/format.pipes';
import { CustomersService, UsersService } from '../../../shared/api/generated';
import type { NamedRef } from '../../../shared/api/generated';
import { CheckInPoint } from '../model/customer';

/**
 * The map tile URL template (e.g. "https://tile.openstreetmap.org/{z}/{x}/{y}.png"). Null (the default) draws
 * a blank local layer so the map works offline and in tests; a deployment provides its tile server here.
 */
export const MAP_TILE_URL = new InjectionToken<string | null>('MAP_TILE_URL', { providedIn: 'root', factory: () => null });

/** Check-ins of follow-ups on a map for a period and a user; far-away check-ins (isFar) are red. */
@Component({
  selector: 'app-check-in-map-page',
  imports: [FormsModule, RouterLink, TranslatePipe, LocalDatePipe, NzButtonModule, NzDatePickerModule, NzSelectModule, NzTagModule, NzEmptyModule],
  template: `
    <div class="page-card">
      <div class="page-head">
        <div>
          <h2 class="page-title" data-test="page-title">{{ 'customers.map.title' | translate }}</h2>
          <span class="muted">{{ 'customers.map.subtitle' | translate }}</span>
        </div>
      </div>
      <div class="toolbar">
        <nz-range-picker [ngModel]="range()" (ngModelChange)="range.set($event); load()" />
        <nz-select style="width: 180px" nzAllowClear nzShowSearch [nzPlaceHolder]="'customers.map.anyUser' | translate" [ngModel]="userId()" (ngModelChange)="userId.set($event); load()">
          @for (u of users(); track u.id) {
            <nz-option [nzValue]="u.id" [nzLabel]="u.name" />
          }
        </nz-select>
        <span class="muted" data-test="map-count">{{ 'customers.map.count' | translate: { count: points().length, far: farCount() } }}</span>
      </div>
      <div #map class="check-in-map" data-test="check-in-map"></div>
      @if (unavailable()) {
        <nz-empty [nzNotFoundContent]="'customers.map.unavailable' | translate" />
      }
      <ul class="map-list">
        @for (p of points(); track p.followUpId) {
          <li [attr.data-test]="'map-point-' + p.followUpId">
            <a [routerLink]="['/customers', p.customerId]">{{ p.customerName }}</a>
            <span class="muted"> {{ p.userName }} · {{ p.at | localDate }} · {{ p.address }}</span>
            @if (p.isFar) {
              <nz-tag nzColor="red">{{ 'customers.followUps.far' | translate }}</nz-tag>
            }
          </li>
        }
      </ul>
    </div>
  `,
  styles: `
    .check-in-map {
      height: 480px;
      border: 1px solid #f0f0f0;
      background: #f5f5f5;
    }
    .map-list {
      margin-top: 12px;
      padding-left: 18px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CheckInMapPage implements OnInit, OnDestroy {
  private readonly api = inject(CustomersService);
  private readonly usersApi = inject(UsersService);
  private readonly problems = inject(ProblemMessageService);
  private readonly tileUrl = inject(MAP_TILE_URL);
  private readonly element = viewChild.required<ElementRef<HTMLElement>>('map');
  private map: L.Map | null = null;
  private layer: L.LayerGroup | null = null;

  protected readonly range = signal<Date[]>(defaultRange());
  protected readonly userId = signal<string | null>(null);
  protected readonly users = signal<NamedRef[]>([]);
  protected readonly points = signal<CheckInPoint[]>([]);
  protected readonly farCount = signal(0);
  protected readonly unavailable = signal(false);

  ngOnInit(): void {
    this.usersApi.apiIdentityUsersLookupGet({ max: 200 }).then((u) => this.users.set(u), () => undefined);
    queueMicrotask(() => {
      this.createMap();
      void this.load();
    });
  }

  ngOnDestroy(): void {
    this.map?.remove();
  }

  private createMap(): void {
    const map = L.map(this.element().nativeElement, { center: [35, 105], zoom: 4 });
    if (this.tileUrl) L.tileLayer(this.tileUrl, { maxZoom: 19 }).addTo(map);
    else new L.GridLayer({ attribution: '' }).addTo(map);
    this.layer = L.layerGroup().addTo(map);
    this.map = map;
  }

  protected async load(): Promise<void> {
    const [from, to] = this.range().length === 2 ? this.range() : defaultRange();
    try {
      const points = await this.api.apiCheckInsGet({ from: from.toISOString(), to: to.toISOString(), userId: this.userId() ?? undefined });
      this.unavailable.set(false);
      this.points.set(points);
      this.farCount.set(points.filter((p) => p.isFar).length);
      this.draw(points);
    } catch (e) {
      this.points.set([]);
      this.unavailable.set(true);
      if (!(e && typeof e === 'object' && 'status' in e && e.status === 404)) this.problems.show(e);
    }
  }

  private draw(points: CheckInPoint[]): void {
    if (!this.map || !this.layer) return;
    this.layer.clearLayers();
    for (const p of points) {
      L.circleMarker(latLng(p), {
        radius: 8,
        color: p.isFar ? '#f5222d' : '#1677ff',
        fillOpacity: 0.7,
        className: p.isFar ? 'marker-far' : 'marker-near',
      })
        .bindTooltip(`${p.customerName} · ${p.userName}`)
        .addTo(this.layer);
    }
    if (points.length) this.map.fitBounds(L.latLngBounds(points.map(latLng)).pad(0.2), { maxZoom: 15 });
  }
}

/** The document types coordinates as number or numeric string; the map wants numbers. */
function latLng(p: CheckInPoint): [number, number] {
  return [Number(p.latitude), Number(p.longitude)];
}

function defaultRange(): Date[] {
  const to = new Date();
  const from = new Date(to.getTime() - 7 * 24 * 3600 * 1000);
  return [from, to];
}
