import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';

/** "Was this helpful?" with the counts so far; the reader's own answer is highlighted and can be changed. */
@Component({
  selector: 'app-helpful-buttons',
  imports: [TranslatePipe, NzButtonModule, NzIconModule],
  styles: `:host { display: flex; gap: 8px; align-items: center; margin-top: 24px; padding-top: 16px; border-top: 1px solid #f0f0f0; }`,
  template: `
    <span>{{ 'knowledge.read.helpful' | translate }}</span>
    <button nz-button [nzType]="mine() === true ? 'primary' : 'default'" (click)="answer.emit(true)" data-test="knowledge-helpful-yes">
      <nz-icon nzType="like" /> {{ 'knowledge.read.yes' | translate }} ({{ yes() }})
    </button>
    <button nz-button [nzType]="mine() === false ? 'primary' : 'default'" (click)="answer.emit(false)" data-test="knowledge-helpful-no">
      <nz-icon nzType="dislike" /> {{ 'knowledge.read.no' | translate }} ({{ no() }})
    </button>
    @if (mine() !== null && mine() !== undefined) {
      <span class="muted" data-test="knowledge-helpful-thanks">{{ 'knowledge.read.thanks' | translate }}</span>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HelpfulButtons {
  readonly yes = input<number | string>(0);
  readonly no = input<number | string>(0);
  readonly mine = input<boolean | null | undefined>(null);
  readonly answer = output<boolean>();
}
