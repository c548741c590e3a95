import json,sys,subprocess,re
# Score `rasd code` on the hand-written press probes against their expected ACLED codings.
# usage: python3 eval/press-probes/score.py [BIN] [SET ...]
#   BIN defaults to target/release/rasd; SET is en, fr, ar, en2 ... ar4, en5, fr5, ar5, en6, fr6, ar6, en7, fr7, ar7, en8, fr8, ar8, en9, fr9, ar9, en10, fr10, ar10, en11, fr11, ar11, en12, fr12, ar12, en13, fr13, ar13, en14, fr14, ar14, en15, fr15, ar15 (default: all).
# Each expected event is matched to the coder's best event of the document (same event type,
# then sub-event type, location and date); field agreement, missed events, events in documents
# that report none, and extra events are printed, then totals.
import os
HERE=os.path.dirname(os.path.abspath(__file__))
args=sys.argv[1:]
binp=args.pop(0) if args and not args[0] in ('en','fr','ar','en2','fr2','ar2','en3','fr3','ar3','en4','fr4','ar4','en5','fr5','ar5','en6','fr6','ar6','en7','fr7','ar7','en8','fr8','ar8','en9','fr9','ar9','en10','fr10','ar10','en11','fr11','ar11','en12','fr12','ar12','en13','fr13','ar13','en14','fr14','ar14','en15','fr15','ar15') else 'target/release/rasd'
sets=args or ['en','fr','ar','en2','fr2','ar2','en3','fr3','ar3','en4','fr4','ar4','en5','fr5','ar5','en6','fr6','ar6','en7','fr7','ar7','en8','fr8','ar8','en9','fr9','ar9','en10','fr10','ar10','en11','fr11','ar11','en12','fr12','ar12','en13','fr13','ar13','en14','fr14','ar14','en15','fr15','ar15']
tot={'docs':0,'exp':0,'matched':0,'type':0,'sub':0,'actor1':0,'actor2':0,'date':0,'fat':0,'country':0,'admin1':0,'loc':0,'spurious':0,'noevent_ok':0,'noevent':0}
for lang in sets:
    docs=f'{HERE}/{lang}.jsonl'
    out=subprocess.run([binp,'code','--input',docs],capture_output=True,text=True).stdout
    pred={json.loads(l)['id']:json.loads(l) for l in out.splitlines() if l.strip()}
    for l in open(f'{HERE}/{lang}.expect.jsonl'):
        e=json.loads(l); p=pred.get(e['id'],{}).get('events',[])
        tot['docs']+=1
        if not e['events']:
            tot['noevent']+=1
            if not p: tot['noevent_ok']+=1
            else: print(f"{e['id']}: SPURIOUS (no event expected):", [(x['sub_event_type'],x['location'],x['event_date']) for x in p])
            continue
        used=set()
        for ex in e['events']:
            tot['exp']+=1
            # best predicted event: same event_type, then same location
            def sc(x):
                return (x['event_type']==ex['event_type'])*2+(x['sub_event_type']==ex['sub_event_type'])+(x.get('location')==ex.get('location'))+(x.get('event_date')==ex.get('event_date'))
            cands=[(sc(x),i) for i,x in enumerate(p) if i not in used]
            if not cands:
                print(f"{e['id']}: MISSED {ex['sub_event_type']} @ {ex['location']} {ex['event_date']}"); continue
            s,i=max(cands); used.add(i); x=p[i]; tot['matched']+=1
            diffs=[]
            for k,kk in [('type','event_type'),('sub','sub_event_type'),('actor1','actor1'),('actor2','actor2'),('date','event_date'),('fat','fatalities'),('country','country'),('admin1','admin1'),('loc','location')]:
                a,b=ex.get(kk),x.get(kk)
                norm=lambda v: re.sub(r"[\s'\-]",'',v.lower()) if isinstance(v,str) else v
                ok = a==b or norm(a)==norm(b)
                if ok: tot[k]+=1
                else: diffs.append(f"{kk}: want {a!r} got {b!r}")
            if diffs: print(f"{e['id']}: "+'; '.join(diffs))
        extra=len(p)-len(used)
        if extra>0:
            tot['spurious']+=extra
            print(f"{e['id']}: +{extra} extra:", [(p[i]['sub_event_type'],p[i]['location'],p[i]['event_date']) for i in range(len(p)) if i not in used])
print(json.dumps(tot))
n=tot['exp']
print(' '.join(f"{k} {tot[k]}/{n}" for k in ['matched','type','sub','actor1','actor2','date','fat','country','admin1','loc']), f"noevent {tot['noevent_ok']}/{tot['noevent']} spurious {tot['spurious']}")
